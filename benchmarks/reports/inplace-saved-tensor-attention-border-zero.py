# report: https://github.com/AggMan96/RK-Net/issues/9
# family: inplace-saved-tensor
# expect: 24 25 26 27
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class KeypointAttention(nn.Module):
    """Predicts a spatial attention map and re-weights the features with it."""

    def __init__(self, channels, polish=True):
        super().__init__()
        self.score = nn.Conv2d(channels, 1, 3, padding=1)
        self.relu = nn.ReLU()
        self.polish = polish

    def forward(self, feats):
        att = self.relu(self.score(feats))
        if self.polish:
            # suppress the border responses of the attention map
            att[:, :, :, 0] = 0
            att[:, :, :, -1] = 0
            att[:, :, 0, :] = 0
            att[:, :, -1, :] = 0
        return feats * att


backbone = nn.Conv2d(3, 8, 3, padding=1)
attend = KeypointAttention(8)
params = list(backbone.parameters()) + list(attend.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
for step in range(2):
    images = torch.randn(2, 3, 8, 8)
    loss = attend(backbone(images)).abs().mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
