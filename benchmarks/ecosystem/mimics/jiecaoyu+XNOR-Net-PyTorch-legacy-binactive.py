# report: https://github.com/jiecaoyu/XNOR-Net-PyTorch/blob/ebccb503b2f9ebc96187a75b6daa63d95b61d110/CIFAR_10/models/nin.py#L43
# family: removed-api
# expect: 10 32
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn


class SignActive(torch.autograd.Function):
    def forward(self, input):
        self.save_for_backward(input)
        scale = torch.mean(input.abs(), 1, keepdim=True)
        return input.sign(), scale

    def backward(self, grad_output, grad_scale):
        input, = self.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input.ge(1)] = 0
        grad_input[input.le(-1)] = 0
        return grad_input


class BinBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.bn = nn.BatchNorm2d(cin)
        self.conv = nn.Conv2d(cin, cout, 1)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.bn(x)
        x, mean = SignActive()(x)
        return self.relu(self.conv(x))


torch.manual_seed(0)
out = BinBlock(3, 4)(torch.randn(2, 3, 5, 5))
out.sum().backward()
