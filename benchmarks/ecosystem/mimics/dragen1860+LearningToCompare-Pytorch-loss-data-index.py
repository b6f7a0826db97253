# report: https://github.com/dragen1860/LearningToCompare-Pytorch/blob/be5fbbe1942134a743d26d2fa97d1fd8eb53bcd2/train.py#L95
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
relation = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(relation.parameters(), lr=1e-3)
logged = []
for step in range(20):
    pairs = torch.randn(2, 2, 6, 8)
    label = (torch.rand(2, 2, 6) > 0.7).float()
    score = relation(pairs).squeeze(3)
    loss = torch.pow(label - score, 2).sum() / 2
    loss = loss.mean()  # "multi-GPU support": a 0-dim tensor
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 15 == 0 and step != 0:
        logged.append(loss.cpu().data[0])
