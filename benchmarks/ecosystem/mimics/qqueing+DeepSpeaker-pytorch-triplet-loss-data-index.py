# report: https://github.com/qqueing/DeepSpeaker-pytorch/blob/3c32518ee5db6185596973d7526135ead03ab17b/train_triplet.py#L226
# family: removed-api
# expect: 33,34
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable


def pdist(x1, x2, p=2):
    eps = 1e-4 / x1.size(1)
    return torch.pow(torch.pow(torch.abs(x1 - x2), p).sum(dim=1) + eps, 1. / p)


def triplet_margin(anchor, positive, negative, margin):
    return torch.mean(torch.clamp(margin + pdist(anchor, positive) - pdist(anchor, negative), min=0.0))


torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 8))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, dampening=0.9)
logged = []
model.train()
for batch_idx in range(2):
    data_a, data_p, data_n = (Variable(torch.randn(3, 1, 6, 5)) for _ in range(3))
    out_a, out_p, out_n = model(data_a), model(data_p), model(data_n)
    triplet_loss = triplet_margin(out_a, out_p, out_n, margin=5.0)
    loss = triplet_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    logged.append(triplet_loss.data[0])
    logged.append(loss.data[0])
