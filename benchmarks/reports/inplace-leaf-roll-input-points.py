# report: https://github.com/cattaneod/PointNetVlad-Pytorch/issues/4
# family: inplace-leaf
# expect: 16
# runtime: raises RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation
import torch
import torch.nn as nn

torch.manual_seed(0)

encoder = nn.Sequential(nn.Conv1d(3, 8, 1), nn.ReLU(), nn.AdaptiveMaxPool1d(1), nn.Flatten())


def process_data(ob, shifts):
    """Augment a batch of point clouds (B, 3, N) by rotating the point order."""
    for i in range(ob.shape[0]):
        ob[i] = torch.roll(ob[i], shifts[i], dims=1)
    return ob


def saliency(clouds):
    clouds = clouds.clone().requires_grad_(True)
    clouds = process_data(clouds, shifts=[1, 2, 3])
    descriptor = encoder(clouds)
    descriptor.norm(dim=1).sum().backward()
    return clouds.grad.abs().sum(dim=1)


saliency(torch.randn(3, 3, 16))
