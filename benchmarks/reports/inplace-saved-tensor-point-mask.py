# report: https://github.com/hqucms/weaver/issues/13
# family: inplace-saved-tensor
# expect: 24
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class ParticleGraph(nn.Module):
    def __init__(self, n_feat=4, hidden=8, n_classes=2):
        super().__init__()
        self.embed = nn.Linear(2, 3)
        self.feat = nn.Linear(n_feat, hidden)
        self.head = nn.Linear(hidden + 3, n_classes)

    def forward(self, points, features, mask):
        coords = self.embed(points)
        # soft neighbourhoods from pairwise distances in the learned space
        weights = torch.softmax(-torch.cdist(coords, coords), dim=-1)
        # padded particles must not contribute
        coords *= mask
        fts = weights @ self.feat(features) * mask
        pooled = fts.sum(1) / mask.sum(1)
        return self.head(torch.cat([pooled, coords.sum(1) / mask.sum(1)], dim=-1))


model = ParticleGraph()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
points, features = torch.randn(3, 6, 2), torch.randn(3, 6, 4)
mask = (torch.arange(6) < torch.tensor([[6], [4], [5]])).float().unsqueeze(-1)
labels = torch.tensor([0, 1, 1])
loss = F.cross_entropy(model(points, features, mask), labels)
optimizer.zero_grad()
loss.backward()
optimizer.step()
