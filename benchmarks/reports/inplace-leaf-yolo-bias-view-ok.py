# report: https://github.com/DataXujing/YOLO-v5/issues/23
# family: inplace-leaf
# expect: none
# runtime: runs: the bias priors are written under torch.no_grad()
# twin: inplace-leaf-yolo-bias-view.py
import math

import torch
import torch.nn as nn

torch.manual_seed(0)


class Detect(nn.Module):
    def __init__(self, nc=3, na=2, ch=(4, 8)):
        super().__init__()
        self.nc, self.na, self.no = nc, na, nc + 5
        self.m = nn.ModuleList(nn.Conv2d(c, self.no * self.na, 1) for c in ch)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.detect = Detect()
        self.stride = (8, 16)
        self._initialize_biases()

    def _initialize_biases(self):
        det = self.detect
        for mi, s in zip(det.m, self.stride):
            with torch.no_grad():
                b = mi.bias.view(det.na, -1)
                b[:, 4] += math.log(8 / (640 / s) ** 2)  # objectness prior
                b[:, 5:] += math.log(0.6 / (det.nc - 0.99))  # class prior
                mi.bias = nn.Parameter(b.view(-1), requires_grad=True)


model = Model()
out = model.detect.m[0](torch.randn(1, 4, 2, 2))
out.sum().backward()
assert model.detect.m[0].bias.is_leaf and model.detect.m[0].bias.grad is not None
