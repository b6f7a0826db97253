# report: https://github.com/Cyanogenoid/pytorch-vqa/blob/8ff1afa630659d7add8d38e692718c2bc2fcae0d/train.py#L47
# family: removed-api
# expect: 21
# runtime: asserts volatile=not train is ignored: every validation batch records the autograd graph through the net
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 5))
loader = [(torch.randn(3, 6), torch.rand(3, 5)) for _ in range(2)]


def run(net, loader, train=False):
    net.train() if train else net.eval()
    graphs = []
    log_softmax = nn.LogSoftmax(dim=1)
    for v, a in loader:
        var_params = {
            'volatile': not train,
            'requires_grad': False,
        }
        v = Variable(v, **var_params)
        a = Variable(a, **var_params)
        out = net(v)
        loss = (-log_softmax(out) * a / 10).sum(dim=1).mean()
        graphs.append(loss.grad_fn is not None)
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = run(net, loader, train=False)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
