# report: https://github.com/lezcano/geotorch/issues/44
# family: grad-missing
# expect: 17
# runtime: warns The .grad attribute of a Tensor that is not a leaf Tensor is being accessed
# twin: grad-missing-parametrized-weight-ok.py
import torch
import torch.nn as nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
layer = parametrizations.orthogonal(nn.Linear(4, 4))
optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
x, target = torch.randn(8, 4), torch.randn(8, 4)


def grad_norm(module):
    return module.weight.grad


loss = nn.functional.mse_loss(layer(x), target)
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert grad_norm(layer) is None
