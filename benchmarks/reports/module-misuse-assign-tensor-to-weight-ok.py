# report: https://github.com/haofeixu/cs231n/issues/2
# family: module-misuse
# expect: none
# runtime: runs: the new values are copied into the registered parameters under no_grad
# twin: module-misuse-assign-tensor-to-weight.py
import torch
import torch.nn as nn


def random_weight(shape):
    fan_in = shape[1] if len(shape) == 2 else shape[1] * shape[2] * shape[3]
    return torch.randn(shape) * (2.0 / fan_in) ** 0.5


@torch.no_grad()
def init_weights(m):
    if isinstance(m, (nn.Linear, nn.Conv2d)):
        m.weight.copy_(random_weight(m.weight.size()))
        m.bias.zero_()


torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 10))
model.apply(init_weights)
scores = model(torch.randn(2, 3, 6, 6))
scores.sum().backward()
assert isinstance(model[3].weight, nn.Parameter) and model[3].weight.grad is not None
assert torch.count_nonzero(model[3].bias) == 0
