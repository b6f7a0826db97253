# report: https://github.com/jwyang/lr-gan.pytorch/blob/824a9719d8dbd6698721c8eee22120f5b793a2b2/modules/gridgen.py#L21
# family: removed-api
# expect: 30
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn
from torch.autograd import Function


class GridFunction(Function):
    def __init__(self, height, width):
        super().__init__()
        self.height, self.width = height, width
        ys = torch.linspace(-1, 1, height).view(height, 1).expand(height, width)
        xs = torch.linspace(-1, 1, width).view(1, width).expand(height, width)
        self.grid = torch.stack([ys, xs, torch.ones(height, width)], 2)

    def forward(self, theta):
        self.theta = theta
        base = self.grid.view(1, -1, 3).expand(theta.size(0), -1, 3)
        return torch.bmm(base, theta.transpose(1, 2)).view(-1, self.height, self.width, 2)


class AffineGrid(nn.Module):
    def __init__(self, height, width):
        super().__init__()
        self.f = GridFunction(height, width)

    def forward(self, theta):
        return self.f(theta)


transform = nn.Linear(8, 6)
theta = transform(torch.randn(4, 8)).view(4, 2, 3)
grid = AffineGrid(6, 6)(theta)
grid.sum().backward()
