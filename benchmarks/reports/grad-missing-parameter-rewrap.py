# report: https://github.com/benedekrozemberczki/pytorch_geometric_temporal/issues/80
# family: grad-missing
# expect: 28
# runtime: asserts the registered weight never gets a gradient: forward replaces it with a new Parameter
import torch
import torch.nn as nn

torch.manual_seed(0)


class GraphConv(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.full((dim, dim), 0.5))

    def forward(self, adj, x):
        return adj @ x @ self.weight


class EvolvingGCN(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv = GraphConv(dim)
        self.evolve = nn.GRUCell(dim, dim)

    def forward(self, adj, x):
        w = self.evolve(self.conv.weight, self.conv.weight)
        self.conv.weight = nn.Parameter(w)
        return self.conv(adj, x)


model = EvolvingGCN(3)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
original = model.conv.weight
adj, x = torch.eye(4), torch.randn(4, 3)
loss = model(adj, x).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert original.grad is None
assert all(p.grad is None for p in model.evolve.parameters())
