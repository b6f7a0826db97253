# report: https://github.com/benedekrozemberczki/pytorch_geometric_temporal/issues/305
# family: backward-twice
# expect: 22
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)


class EvolvingGraphConv(nn.Module):
    """The layer's weight is evolved by a GRU cell at every snapshot."""

    def __init__(self, n):
        super().__init__()
        self.initial_weight = nn.Parameter(torch.randn(n, n) * 0.1)
        self.evolve = nn.GRUCell(n, n)
        self.evolved = None

    def forward(self, x, adj):
        w = self.initial_weight if self.evolved is None else self.evolved
        self.evolved = self.evolve(w, w)
        return torch.relu(adj @ x @ self.evolved)


model = EvolvingGraphConv(4)
head = nn.Linear(4, 1)
optimizer = torch.optim.Adam(list(model.parameters()) + list(head.parameters()), lr=0.01)
snapshots = [(torch.randn(5, 4), torch.rand(5, 5), torch.randn(5, 1)) for _ in range(3)]
for epoch in range(2):
    loss = 0
    for i, (x, adj, y) in enumerate(snapshots):
        loss = loss + torch.mean((head(model(x, adj)) - y) ** 2)
    loss = loss / (i + 1)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
