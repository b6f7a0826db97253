# report: https://github.com/pytorch/pytorch/issues/91529
# family: no-grad-backward
# expect: none
# runtime: runs: the detached copy is made a new leaf with requires_grad_()
# twin: no-grad-backward-clone-detach.py
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(3, 6), nn.Softplus(), nn.Linear(6, 2))


def compute_grad(features):
    """Gradient of an energy w.r.t. the features, kept apart from the encoder's graph."""
    feats = features.clone().detach().requires_grad_()
    energy = (feats ** 2).sum(dim=1) + torch.sin(feats).prod(dim=1)
    energy.sum().backward()
    return feats.grad


x = torch.randn(5, 3)
features = encoder(x)
force = compute_grad(features)
assert force is not None and force.shape == (5, 2)
assert encoder[0].weight.grad is None
