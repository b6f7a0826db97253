# report: https://github.com/carpedm20/BEGAN-pytorch/blob/487d7fc1403772c307f2bb16f9fb637a038175c1/models.py#L116
# family: removed-api
# expect: 15
# runtime: raises AttributeError: _backend
import torch
import torch.nn as nn


class _Loss(nn.Module):
    def __init__(self, size_average=True):
        super().__init__()
        self.size_average = size_average

    def forward(self, input, target):
        backend_fn = getattr(self._backend, type(self).__name__)
        return backend_fn(self.size_average)(input, target)


class L1Loss(_Loss):
    pass


l1 = L1Loss()
out = nn.Linear(3, 3)(torch.randn(2, 3))
loss = l1(out, torch.randn(2, 3))
loss.backward()
