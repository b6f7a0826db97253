# report: https://github.com/yunfei-teng/PyTorch-Tutorial-Spring-2018/blob/49ecdf9869ecaa31975929116af723125937c1b8/recitation1/classification/Pipeline/run.py#L34
# family: removed-api
# expect: 20
# runtime: asserts volatile=True has no effect: the test forward pass records an autograd graph
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 10), nn.LogSoftmax(dim=1))
loader = [(torch.randn(3, 1, 4, 4), torch.randint(0, 10, (3,))) for _ in range(2)]


def evaluate():
    net.eval()
    recorded = []
    for x, y in loader:
        x, y = Variable(x, volatile=True), Variable(y)
        out = net(x)
        recorded.append(out.requires_grad and out.grad_fn is not None)
    return recorded


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    recorded = evaluate()
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded), "volatile was expected to be ignored"
