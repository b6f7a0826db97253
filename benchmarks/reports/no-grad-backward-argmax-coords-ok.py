# report: https://github.com/LZGMatrix/BOP19_CDPN_2019ICCV/issues/4
# family: no-grad-backward
# expect: none
# runtime: runs the loss on a soft-argmax; the hard argmax only feeds a logged metric
# twin: no-grad-backward-argmax-coords.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
BINS = 16


class CoordHead(nn.Module):
    def __init__(self, channels=8):
        super().__init__()
        self.conv = nn.Conv2d(channels, 3 * BINS, 1)

    def forward(self, feats):
        n, _, h, w = feats.shape
        return self.conv(feats).view(n, 3, BINS, h, w)


head = CoordHead()
optimizer = torch.optim.Adam(head.parameters(), lr=1e-3)
feats = torch.randn(2, 8, 4, 4)
target = torch.rand(2, 3, 4, 4) * 2 - 1
centers = torch.linspace(-1.0, 1.0, BINS).view(1, 1, BINS, 1, 1)

for step in range(2):
    logits = head(feats)
    coords = (logits.softmax(dim=2) * centers).sum(dim=2)
    hard = 2.0 * torch.argmax(logits, dim=2).float() / (BINS - 1) - 1.0
    hard_error = (hard - target).abs().mean().item()
    loss = F.l1_loss(coords, target)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert head.conv.weight.grad is not None
