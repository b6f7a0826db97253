# report: https://github.com/longcw/yolo2-pytorch/blob/f046769ea157e6d57579c67dcef62fdd3b71111e/layers/reorg/reorg_layer.py#L53
# family: removed-api
# expect: 30
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
from torch.autograd import Function


class ReorgFunction(Function):
    def __init__(self, stride=2):
        self.stride = stride

    def forward(self, x):
        s = self.stride
        b, c, h, w = x.size()
        return x.view(b, c, h // s, s, w // s, s).permute(0, 3, 5, 1, 2, 4).reshape(b, c * s * s, h // s, w // s)

    def backward(self, grad_top):
        s = self.stride
        b, c, h, w = grad_top.size()
        return grad_top.view(b, s, s, c // (s * s), h, w).permute(0, 3, 4, 1, 5, 2).reshape(b, c // (s * s), h * s, w * s)


class ReorgLayer(torch.nn.Module):
    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        x = ReorgFunction(self.stride)(x)
        return x


torch.manual_seed(0)
conv = torch.nn.Conv2d(3, 4, 3, padding=1)
reorg = ReorgLayer(stride=2)
feat = conv(torch.randn(1, 3, 8, 8))
out = reorg(feat)
out.sum().backward()
