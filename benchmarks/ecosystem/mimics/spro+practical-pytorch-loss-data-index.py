# report: https://github.com/spro/practical-pytorch/blob/c520c52e68e945d88fff563dba1c028b6ec0197b/char-rnn-generation/train.py#L54
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(6, 4)
gru = nn.GRU(4, 4)
head = nn.Linear(4, 6)
opt = torch.optim.Adam(list(emb.parameters()) + list(gru.parameters()) + list(head.parameters()), lr=0.01)
crit = nn.CrossEntropyLoss()
seq = torch.tensor([1, 2, 3, 4])
h = torch.zeros(1, 1, 4)
opt.zero_grad()
loss = 0
for c in range(3):
    out, h = gru(emb(seq[c].view(1, -1)).view(1, 1, -1), h)
    loss += crit(head(out.view(1, -1)), seq[c + 1].view(1))
loss.backward()
opt.step()
# the summed loss is 0-dim since torch 0.4: indexing it fails
avg = loss.data[0] / 3
