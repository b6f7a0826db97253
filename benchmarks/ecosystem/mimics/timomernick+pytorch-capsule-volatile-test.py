# report: https://github.com/timomernick/pytorch-capsule/blob/d2e9aa876793408350e0521648d59990665d0df3/main.py#L83
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: the test forward records the autograd graph through the network
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
network = nn.Linear(12, 10 * 4)
network.eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for _ in range(2):
        data = torch.randn(3, 12)
        data = Variable(data, volatile=True)
        output = network(data).view(3, 10, 4)
        v_mag = torch.sqrt((output ** 2).sum(dim=2, keepdim=True))
assert any("volatile" in str(w.message) for w in caught)
assert output.requires_grad and output.grad_fn is not None
assert v_mag.grad_fn is not None
