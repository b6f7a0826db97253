# report: https://github.com/LZGMatrix/BOP19_CDPN_2019ICCV/issues/4
# family: no-grad-backward
# expect: 33 37
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
# twin: no-grad-backward-argmax-coords-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
BINS = 16


class CoordHead(nn.Module):
    """Predicts, per pixel, a classification over BINS for each of x, y, z."""

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

for step in range(2):
    logits = head(feats)
    coords = torch.argmax(logits, dim=2).float()
    coords = 2.0 * coords / (BINS - 1) - 1.0
    loss = F.l1_loss(coords, target)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
