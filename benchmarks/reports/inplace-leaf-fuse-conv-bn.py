# report: https://github.com/PingoLH/FCHarDNet/issues/61
# family: inplace-leaf
# expect: 21 22
# runtime: raises RuntimeError: leaf Variable that requires grad is being used in an in-place operation
import torch
import torch.nn as nn

torch.manual_seed(0)


def fuse_conv_bn(conv, bn):
    """Fold an eval-mode BatchNorm into the preceding convolution."""
    fused = nn.Conv2d(
        conv.in_channels, conv.out_channels, conv.kernel_size,
        stride=conv.stride, padding=conv.padding, bias=True,
    )
    std = (bn.running_var + bn.eps).sqrt()
    scale = bn.weight / std
    W = conv.weight * scale.view(-1, 1, 1, 1)
    B = bn.bias - bn.running_mean * scale
    fused.weight[:, :, :, :] = W[:, :, :, :]
    fused.bias[:] = B
    return fused


conv, bn = nn.Conv2d(3, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4)
bn.running_mean.uniform_(-0.5, 0.5)
bn.running_var.uniform_(0.5, 1.5)
bn.eval()
fused = fuse_conv_bn(conv, bn)
x = torch.randn(1, 3, 5, 5)
max_error = (fused(x) - bn(conv(x))).abs().max().item()
