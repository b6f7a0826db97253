# report: https://github.com/jiesutd/LatticeLSTM/blob/24d17f4270f11d2f75046789d8b67eaa2b907dce/main.py#L285
# family: removed-api
# expect: 24,25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(12, 6), nn.Linear(6, 4), nn.LogSoftmax(dim=-1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.015, momentum=0.05)
sample_loss = 0
total_loss = 0
batch_loss = 0
model.train()
model.zero_grad()
for end in range(1, 3):
    words = torch.randint(0, 12, (1, 5))
    labels = torch.randint(0, 4, (1, 5))
    out = model(words)
    # a per-sentence loss that, like the CRF one, is the difference of two sums
    forward_score = out.logsumexp(-1).sum()
    gold_score = out.gather(-1, labels.unsqueeze(-1)).sum()
    loss = forward_score - gold_score
    sample_loss += loss.data[0]
    total_loss += loss.data[0]
    batch_loss += loss
    if end % 2 == 0:
        batch_loss.backward()
        optimizer.step()
        model.zero_grad()
        batch_loss = 0
