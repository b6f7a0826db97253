# report: https://github.com/pytorch/pytorch/issues/9391
# family: inplace-saved-tensor
# expect: 17
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: inplace-saved-tensor-sigmoid-index-assign-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
gate_net = nn.Linear(6, 3)
optimizer = torch.optim.SGD(gate_net.parameters(), lr=0.1)


def gates_with_forced_open(features, always_open=1):
    """Soft gates in (0, 1); one gate is pinned fully open."""
    gates = torch.sigmoid(gate_net(features))
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
