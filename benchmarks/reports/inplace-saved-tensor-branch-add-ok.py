# report: https://discuss.pytorch.org/t/when-would-the-error-one-of-the-variables-needed-for-gradient-computation-has-been-modified-occur/11976/2
# family: inplace-saved-tensor
# expect: none
# runtime: runs: the out-of-place sum leaves the saved output intact
# twin: inplace-saved-tensor-branch-add.py
import torch
import torch.nn as nn

torch.manual_seed(0)
trunk = nn.Conv2d(3, 4, 3, padding=1)
side = nn.Conv2d(4, 4, 1)
skip = nn.Conv2d(3, 4, 1)
images = torch.randn(2, 3, 8, 8)

x = trunk(images)
x_side = side(x)
x = x + skip(images)
loss = (x.sum() + x_side.sum()) ** 2
loss.backward()
assert side.weight.grad is not None and trunk.weight.grad is not None
