# report: https://github.com/kchengiva/Shift-GCN/issues/29
# family: dtype-grad
# expect: 17 34
# runtime: raises RuntimeError: Only Tensors of floating point and complex dtype can require gradients
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)


class ShiftBlock(nn.Module):
    def __init__(self, channels=6, joints=5):
        super().__init__()
        index = np.arange(channels * joints)
        shifted = (index + channels) % (channels * joints)
        self.shift_in = nn.Parameter(torch.from_numpy(shifted), requires_grad=False)
        self.linear = nn.Linear(channels, channels)

    def forward(self, x):
        n, v, c = x.shape
        x = x.reshape(n, v * c)[:, self.shift_in].reshape(n, v, c)
        return self.linear(x)


def replicate(module):
    """Copy a module for another worker, re-registering its parameters."""
    clone = ShiftBlock()
    for name, param in module.named_parameters():
        owner, attr = clone, name
        if "." in name:
            sub, attr = name.split(".")
            owner = getattr(clone, sub)
        setattr(owner, attr, nn.Parameter(param.detach().clone()))
    return clone


block = ShiftBlock()
worker_copy = replicate(block)
