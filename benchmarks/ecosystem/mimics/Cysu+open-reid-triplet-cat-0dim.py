# report: https://github.com/Cysu/open-reid/blob/3293ca79a07ebee7f995ce647aafa7df755207b8/reid/loss/triplet.py#L27
# family: removed-api
# expect: 21
# runtime: raises RuntimeError: zero-dimensional tensor (at position 0) cannot be concatenated
import torch
from torch import nn

torch.manual_seed(0)
inputs = torch.randn(4, 3, requires_grad=True)
targets = torch.tensor([0, 0, 1, 1])
n = inputs.size(0)
dist = torch.pow(inputs, 2).sum(dim=1, keepdim=True).expand(n, n)
dist = dist + dist.t()
dist = dist - 2 * inputs @ inputs.t()
dist = dist.clamp(min=1e-12).sqrt()
mask = targets.expand(n, n).eq(targets.expand(n, n).t())
dist_ap, dist_an = [], []
for i in range(n):
    dist_ap.append(dist[i][mask[i]].max())  # 0-dim since 0.4 (was a 1-element tensor)
    dist_an.append(dist[i][mask[i] == 0].min())
dist_ap = torch.cat(dist_ap)
dist_an = torch.cat(dist_an)
loss = nn.MarginRankingLoss(margin=0.5)(dist_an, dist_ap, torch.ones_like(dist_an))
loss.backward()
