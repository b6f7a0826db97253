# report: https://github.com/Kaixhin/NoisyNet-A3C/blob/a740cab149e757e3f5b2552d6f374c9eb742f497/test.py#L78
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class NoisyLin(nn.Linear):
    def __init__(self, i, o, s0=0.017):
        super().__init__(i, o)
        self.sw = nn.Parameter(torch.full((o, i), s0))
        self.sb = nn.Parameter(torch.full((o,), s0))

    def forward(self, x):
        return F.linear(x, self.weight + self.sw * torch.randn_like(self.sw), self.bias + self.sb * torch.randn_like(self.sb))


actor = NoisyLin(16, 4)
print("avg sigma_w {:<8}".format(actor.sw.abs().mean().data[0]))
