# report: https://github.com/lyongo/NWPU-MOC/issues/4
# family: inplace-saved-tensor
# expect: 27
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class FPNHead(nn.Module):
    def __init__(self, in_channels=(4, 8, 16), width=6):
        super().__init__()
        self.lateral = nn.ModuleList(
            nn.Sequential(nn.Conv2d(c, width, 1), nn.ReLU()) for c in in_channels
        )
        self.smooth = nn.ModuleList(nn.Conv2d(width, width, 3, padding=1) for _ in in_channels)
        self.classifier = nn.Conv2d(width, 2, 1)

    def forward(self, feats):
        laterals = [lat(f) for lat, f in zip(self.lateral, feats)]
        # top-down pathway: add the upsampled coarser map into the finer one
        for i in range(len(laterals) - 1, 0, -1):
            size = laterals[i - 1].shape[-2:]
            # the ReLU saved laterals[i - 1] (its output) for backward
            laterals[i - 1] += F.interpolate(laterals[i], size=size, mode="nearest")
        outs = [conv(lat) for conv, lat in zip(self.smooth, laterals)]
        return self.classifier(outs[0])


head = FPNHead()
feats = [torch.randn(2, 4, 16, 16), torch.randn(2, 8, 8, 8), torch.randn(2, 16, 4, 4)]
target = torch.randint(0, 2, (2, 16, 16))
loss = F.cross_entropy(head(feats), target)
loss.backward()
