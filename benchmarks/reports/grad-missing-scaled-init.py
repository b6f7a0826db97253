# report: https://github.com/pytorch/tutorials/issues/3716
# family: grad-missing
# expect: 12
# runtime: asserts the weights never change: they are a non-leaf whose .grad stays None
# twin: grad-missing-scaled-init-ok.py
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
n_in, n_out = 20, 3
weights = torch.randn(n_in, n_out, requires_grad=True) / math.sqrt(n_in)
bias = torch.zeros(n_out, requires_grad=True)
params = [weights, bias]


def model(xb):
    return xb @ weights + bias


x, y = torch.randn(16, n_in), torch.randint(0, n_out, (16,))
before = weights.detach().clone()
loss = F.cross_entropy(model(x), y)
loss.backward()
with torch.no_grad():
    for p in params:
        if p.grad is not None:
            p -= 0.5 * p.grad
            p.grad.zero_()
assert torch.equal(weights.detach(), before)
