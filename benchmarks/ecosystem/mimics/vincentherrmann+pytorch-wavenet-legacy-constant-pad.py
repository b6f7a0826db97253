# report: https://github.com/vincentherrmann/pytorch-wavenet/blob/26ba28989edcf8688f6216057aafda07601ff07e/wavenet_modules.py#L127
# family: removed-api
# expect: 36
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn
from torch.autograd import Function

torch.manual_seed(0)


class ConstantPad1d(Function):
    def __init__(self, target_size, dimension=0, pad_start=False):
        super().__init__()
        self.target_size = target_size
        self.dimension = dimension
        self.pad_start = pad_start

    def forward(self, input):
        self.num_pad = self.target_size - input.size(self.dimension)
        self.input_size = input.size()
        size = list(input.size())
        size[self.dimension] = self.target_size
        output = input.new_zeros(*size)
        output.narrow(self.dimension, self.num_pad, input.size(self.dimension)).copy_(input)
        return output

    def backward(self, grad_output):
        return grad_output.narrow(self.dimension, self.num_pad, self.input_size[self.dimension])


conv = nn.Conv1d(4, 4, kernel_size=2)
x = conv(torch.randn(2, 4, 12))  # length 11: odd, so dilating by 2 needs one pad sample
new_l = 12
# dilate() pads through the old-style Function instance call
x = ConstantPad1d(new_l, dimension=2, pad_start=True)(x)
x = x.permute(1, 2, 0).contiguous().view(4, 6, 4).permute(2, 0, 1)
x.sum().backward()
