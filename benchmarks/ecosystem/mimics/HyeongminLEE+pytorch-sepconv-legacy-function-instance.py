# report: https://github.com/HyeongminLEE/pytorch-sepconv/blob/0078280397e1f41bf21fc15d96179cf15223c77b/model.py#L165
# family: removed-api
# expect: 41,42
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn
import torch.nn.functional as F


class SeparableLocalConv(torch.autograd.Function):
    """Per-pixel separable filtering, written in the pre-0.4 style."""

    def __init__(self):
        super(SeparableLocalConv, self).__init__()

    def forward(self, frame, vertical, horizontal):
        self.save_for_backward(frame, vertical, horizontal)
        k = vertical.size(1)
        patches = F.unfold(frame, k).view(frame.size(0), frame.size(1), k, k, vertical.size(2), vertical.size(3))
        return torch.einsum("bcijhw,bihw,bjhw->bchw", patches, vertical, horizontal)

    def backward(self, grad_output):
        frame, vertical, horizontal = self.saved_tensors
        return None, None, None


class Interpolator(nn.Module):
    def __init__(self, k=3):
        super(Interpolator, self).__init__()
        self.pad = nn.ReplicationPad2d([k // 2] * 4)
        self.vert = nn.Conv2d(6, 2 * k, 3, padding=1)
        self.horz = nn.Conv2d(6, 2 * k, 3, padding=1)
        self.k = k
        self.optimizer = torch.optim.Adam(self.parameters(), lr=0.001)
        self.criterion = nn.MSELoss()

    def forward(self, frame0, frame2):
        joined = torch.cat([frame0, frame2], 1)
        v1, v2 = self.vert(joined).split(self.k, 1)
        h1, h2 = self.horz(joined).split(self.k, 1)
        dot1 = SeparableLocalConv()(self.pad(frame0), v1, h1)
        dot2 = SeparableLocalConv()(self.pad(frame2), v2, h2)
        return dot1 + dot2


model = Interpolator()
frame0, frame1, frame2 = torch.rand(1, 3, 6, 6), torch.rand(1, 3, 6, 6), torch.rand(1, 3, 6, 6)
model.optimizer.zero_grad()
loss = model.criterion(model(frame0, frame2), frame1)
loss.backward()
model.optimizer.step()
