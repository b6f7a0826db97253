# report: https://github.com/pytorch/pytorch/issues/7860
# family: detach-alias
# expect: 23 24
# runtime: asserts zeroing the "copy" made by .detach() also zeroes the features the prediction uses
import torch
import torch.nn as nn

torch.manual_seed(0)


class MaskedFeatureModel(nn.Module):
    """Predict masked-out feature values from the visible ones (a denoising objective)."""

    def __init__(self, n_in, dim):
        super().__init__()
        self.encoder = nn.Linear(n_in, dim)
        self.gate = nn.Parameter(torch.ones(dim))
        self.predictor = nn.Linear(dim, dim)

    def forward(self, x, mask):
        feats = self.encoder(x) * self.gate
        target = feats.detach()  # the clean features are the regression target
        corrupted = feats.detach()
        corrupted[:, mask] = 0.0
        pred = self.predictor(feats * (~mask).float())
        return ((pred - target)[:, mask]).pow(2).mean(), corrupted, feats


model = MaskedFeatureModel(5, 6)
mask = torch.tensor([True, False, True, False, False, False])
loss, corrupted, feats = model(torch.randn(3, 5), mask)
loss.backward()
assert torch.all(feats[:, mask] == 0)  # the live features were zeroed too
assert loss.item() == (model.predictor(feats * (~mask).float())[:, mask]).pow(2).mean().item()
