# report: https://github.com/pytorch/pytorch/issues/91529
# family: no-grad-backward
# expect: 15 17
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
# twin: no-grad-backward-clone-detach-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(3, 6), nn.Softplus(), nn.Linear(6, 2))


def compute_grad(features):
    """Gradient of an energy w.r.t. the features, kept apart from the encoder's graph."""
    feats = features.clone().detach()
    energy = (feats ** 2).sum(dim=1) + torch.sin(feats).prod(dim=1)
    energy.sum().backward()
    return feats.grad


x = torch.randn(5, 3)
features = encoder(x)
force = compute_grad(features)
