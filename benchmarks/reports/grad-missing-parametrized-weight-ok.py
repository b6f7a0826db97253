# report: https://github.com/lezcano/geotorch/issues/44
# family: grad-missing
# expect: none
# runtime: runs: the gradient is read from the parametrization's original tensor, the real leaf
# twin: grad-missing-parametrized-weight.py
import torch
import torch.nn as nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
layer = parametrizations.orthogonal(nn.Linear(4, 4))
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
x, target = torch.randn(8, 4), torch.randn(8, 4)


def grad_norm(module):
    return module.parametrizations.weight.original.grad.norm()


loss = nn.functional.mse_loss(layer(x), target)
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert grad_norm(layer) > 0
