# report: https://github.com/spro/practical-pytorch/blob/c520c52e68e945d88fff563dba1c028b6ec0197b/char-rnn-generation/train.py#L49
# family: removed-api
# expect: 21
# runtime: raises ValueError: Expected input batch_size (1) to match target batch_size (0)
import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(6, 4)
gru = nn.GRU(4, 4)
head = nn.Linear(4, 6)
crit = nn.CrossEntropyLoss()
inp = torch.tensor([1, 2, 3])
target = torch.tensor([2, 3, 4])
h = torch.zeros(1, 1, 4)
loss = 0
for c in range(3):
    out, h = gru(emb(inp[c].view(1, -1)).view(1, 1, -1), h)
    output = head(out.view(1, -1))  # (1, C)
    # target[c] is 0-dim since torch 0.4 (it was a 1-element tensor before)
    loss += crit(output, target[c])
loss.backward()
