# report: https://github.com/pytorch/pytorch/pull/26607
# family: inplace-view
# expect: none
# runtime: runs: the slice is taken with grad enabled, so the in-place scaling is tracked through the view
# twin: inplace-view-no-grad-helper-slice.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class SplitHead(nn.Module):
    """Scales the first `k` features (a 'temperature' block) and classifies."""

    def temperature_block(self, feats):
        return feats[:, : self.k]

    def __init__(self, dim, k, n_classes):
        super().__init__()
        self.k = k
        self.backbone = nn.Linear(dim, dim)
        self.log_scale = nn.Parameter(torch.zeros(k))
        self.classifier = nn.Linear(dim, n_classes)

    def forward(self, x):
        feats = self.backbone(x)
        block = self.temperature_block(feats)
        block.mul_(self.log_scale.exp())
        return self.classifier(feats)


model = SplitHead(dim=6, k=2, n_classes=3)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss = nn.functional.cross_entropy(model(torch.randn(4, 6)), torch.tensor([0, 1, 2, 0]))
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert model.log_scale.grad is not None and model.log_scale.grad.abs().sum() > 0
