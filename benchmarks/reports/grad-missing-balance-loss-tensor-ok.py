# report: https://github.com/laekov/fastmoe/issues/49
# family: grad-missing
# expect: none
# runtime: runs: torch.stack keeps the per-layer balance losses in the graph
# twin: grad-missing-balance-loss-tensor.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class MoELayer(nn.Module):
    def __init__(self, dim=6, experts=3):
        super().__init__()
        self.gate = nn.Linear(dim, experts)
        self.experts = nn.ModuleList(nn.Linear(dim, dim) for _ in range(experts))

    def forward(self, x):
        scores = F.softmax(self.gate(x), dim=-1)
        self.balance_loss = (scores.mean(0) ** 2).sum() * scores.size(1)
        outs = torch.stack([e(x) for e in self.experts], dim=-1)
        return (outs * scores.unsqueeze(1)).sum(-1)


layers = nn.ModuleList(MoELayer() for _ in range(2))
x, y = torch.randn(5, 6), torch.randn(5, 6)
h = x
for layer in layers:
    h = layer(h)
loss_list = [layer.balance_loss for layer in layers]
balance = torch.stack(loss_list).mean()
total = F.mse_loss(h, y) + 0.01 * balance
total.backward()
assert balance.requires_grad and layers[0].gate.weight.grad is not None
