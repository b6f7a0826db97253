# report: https://github.com/pytorch/pytorch/issues/6990
# family: detach-alias
# expect: 21
# runtime: asserts the sigmoid's saved output is rewritten through .data, and its gradient comes out wrong without an error
import torch
import torch.nn as nn

torch.manual_seed(0)


class GatedMixture(nn.Module):
    def __init__(self, dim, n_experts):
        super().__init__()
        self.gate = nn.Linear(dim, n_experts)
        self.experts = nn.Linear(dim, n_experts)
        nn.init.constant_(self.gate.bias, -3.0)

    def forward(self, x):
        gates = torch.sigmoid(self.gate(x))
        # keep every expert at least a little open
        gates.data.clamp_(min=0.2)
        return (gates * self.experts(x)).sum(dim=1)


model = GatedMixture(4, 3)
x, y = torch.randn(6, 4), torch.randn(6)
(model(x) - y).pow(2).mean().backward()
grad_through_data = model.gate.weight.grad.clone()

# the same function written out of place, for reference
model.zero_grad()
gates = torch.sigmoid(model.gate(x)).clamp(min=0.2)
((gates * model.experts(x)).sum(dim=1) - y).pow(2).mean().backward()
assert not torch.allclose(grad_through_data, model.gate.weight.grad)
