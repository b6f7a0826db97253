# report: https://github.com/pytorch/pytorch/issues/9391
# family: inplace-saved-tensor
# expect: none
# runtime: runs: the gate is written through a reciprocal, whose product output nothing saved
# twin: inplace-saved-tensor-sigmoid-index-assign.py
import torch
import torch.nn as nn

torch.manual_seed(0)
gate_net = nn.Linear(6, 3)
optimizer = torch.optim.SGD(gate_net.parameters(), lr=0.1)


def gates_with_forced_open(features, always_open=1):
    """Soft gates in (0, 1); one gate is pinned fully open."""
    gates = 1 / ((-gate_net(features)).exp() + 1)
    gates[:, always_open] = 1.0
    return gates


features = torch.randn(4, 6)
values = torch.randn(4, 3)
for _ in range(3):
    out = (gates_with_forced_open(features) * values).sum(dim=1)
    loss = out.pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert gate_net.weight.grad[1].abs().sum() == 0
assert gate_net.weight.grad[0].abs().sum() > 0
