# report: https://github.com/EthanMWalker/face-classification/blob/fdf45a3ddfe74e535a303625b885b192c3c4052e/SimCLR/Models.py#L63
# family: grad-missing
# expect: 30
# runtime: asserts the ring loss is computed on the input images instead of the network's features: it gives the network no gradient, only the radius learns
import torch
import torch.nn as nn


class RingLoss(nn.Module):
    def __init__(self, w):
        super().__init__()
        self.w = w
        self.radius = nn.Parameter(torch.ones(1))

    def forward(self, x):
        x = torch.linalg.norm(x, ord=2, dim=1)
        return (torch.abs(x - self.radius) ** 2).mean() / 2 * self.w


class RingLossNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 4, 3), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 5))
        self.loss = RingLoss(0.01)

    def forward(self, x, rep_only=False):
        out = self.net(x)
        if rep_only:
            return out
        loss = self.loss(x)
        return out, loss


torch.manual_seed(0)
model = RingLossNet()
x = torch.randn(4, 3, 8, 8)
out, ring = model(x)
ring.backward()
assert model.loss.radius.grad is not None and model.loss.radius.grad.abs().sum() > 0
assert all(p.grad is None for p in model.net.parameters())
