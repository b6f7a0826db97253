# report: https://github.com/ne7ermore/torch-light/blob/facd5e12f45127e81951ca1e6119960e196c6165/ch-poetry-nlg/generate.py#L39
# family: removed-api
# expect: 22
# runtime: raises TypeError: 'int' object is not subscriptable
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
vocab = 30
embed = nn.Embedding(vocab, 8)
lstm = nn.LSTM(8, 16, batch_first=True)
proj = nn.Linear(16, vocab)
prob = torch.rand(1).mul(vocab).long()
inp = Variable(prob.unsqueeze(1), volatile=True)
hidden = None
words = [prob.tolist()[0]]
for _ in range(5):
    out, hidden = lstm(embed(inp), hidden)
    prob = F.log_softmax(proj(out.reshape(-1, 16)), dim=-1).squeeze().data  # 1-d over the vocabulary
    next_word = torch.max(prob, -1)[1].tolist()[0]  # the argmax is 0-dim: tolist() gives an int
    inp.data.fill_(next_word)
    words.append(next_word)
print(words)
