# report: https://discuss.pytorch.org/t/when-would-the-error-one-of-the-variables-needed-for-gradient-computation-has-been-modified-occur/11976/2
# family: inplace-saved-tensor
# expect: 19
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: inplace-saved-tensor-branch-add-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
trunk = nn.Conv2d(3, 4, 3, padding=1)
side = nn.Conv2d(4, 4, 1)
skip = nn.Conv2d(3, 4, 1)
images = torch.randn(2, 3, 8, 8)

# The main branch's output feeds a second branch, which saves it for its weight's gradient;
# the main branch then adds its skip connection in place.
x = trunk(images)
x_side = side(x)
x += skip(images)
loss = (x.sum() + x_side.sum()) ** 2
loss.backward()
