# report: https://github.com/ne7ermore/torch-light/blob/facd5e12f45127e81951ca1e6119960e196c6165/lstm-text-classfication/main.py#L88
# family: removed-api
# expect: 17
# runtime: raises TypeError: iteration over a 0-d tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
embed = nn.Embedding(20, 8)
lstm = nn.LSTM(8, 6, 2)
head = nn.Linear(6, 3)
optimizer = torch.optim.Adam(list(embed.parameters()) + list(lstm.parameters()) + list(head.parameters()), lr=1e-3)


def repackage_hidden(h):
    if type(h) == Variable:  # Variable(...) returns a plain Tensor now: never true
        return Variable(h.data)
    else:
        return tuple(repackage_hidden(v) for v in h)


hidden = (Variable(torch.zeros(2, 4, 6)), Variable(torch.zeros(2, 4, 6)))
for _ in range(2):
    data, label = torch.randint(0, 20, (4, 5)), torch.randint(0, 3, (4,))
    optimizer.zero_grad()
    hidden = repackage_hidden(hidden)
    out, hidden = lstm(embed(data).transpose(0, 1), hidden)
    loss = nn.functional.cross_entropy(head(out[-1]), label)
    loss.backward()
    optimizer.step()
