# report: https://github.com/cyvius96/prototypical-network-pytorch/blob/36ecfe600f381c2bc19993138ab42fd8cc8a48ea/train.py#L61
# family: optimizer-misuse
# expect: 22
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 4))
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
lr_scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
shot, way, query = 1, 3, 2
lrs = []


def euclidean_metric(a, b):
    return -((a.unsqueeze(1) - b.unsqueeze(0)) ** 2).sum(dim=2)


for epoch in range(1, 4):
    lr_scheduler.step()
    model.train()
    lrs.append(optimizer.param_groups[0]["lr"])
    data = torch.randn(way * (shot + query), 5)
    proto = model(data[:shot * way]).reshape(shot, way, -1).mean(dim=0)
    label = torch.arange(way).repeat(query)
    loss = F.cross_entropy(euclidean_metric(model(data[shot * way:]), proto), label)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

assert lrs[1] == 0.0005  # halved after one epoch of training instead of two
