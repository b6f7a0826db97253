# report: https://github.com/haofeixu/cs231n/issues/2
# family: module-misuse
# expect: 17
# runtime: raises TypeError: cannot assign 'torch.FloatTensor' as parameter 'weight'
# twin: module-misuse-assign-tensor-to-weight-ok.py
import torch
import torch.nn as nn


def random_weight(shape):
    fan_in = shape[1] if len(shape) == 2 else shape[1] * shape[2] * shape[3]
    return torch.randn(shape) * (2.0 / fan_in) ** 0.5


def init_weights(m):
    if isinstance(m, (nn.Linear, nn.Conv2d)):
        m.weight = random_weight(m.weight.size())
        m.bias = torch.zeros(m.bias.size())


torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 10))
model.apply(init_weights)
scores = model(torch.randn(2, 3, 6, 6))
