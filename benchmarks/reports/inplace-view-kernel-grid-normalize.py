# report: https://github.com/pytorch/pytorch/issues/48149
# family: inplace-view
# expect: 17
# runtime: raises RuntimeError: is a view and is being modified inplace
import torch
import torch.nn as nn

torch.manual_seed(0)

model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Conv2d(4, 2, 3))


def make_grid(tensor, nrow=2, padding=1):
    """Tile (N, 1, H, W) images into one picture, each rescaled to [0, 1]."""
    tensor = tensor.clone()
    for t in tensor:
        t.sub_(t.min()).div_(t.max() - t.min() + 1e-5)
    n, _, h, w = tensor.shape
    ncol = (n + nrow - 1) // nrow
    grid = torch.zeros(ncol * (h + padding), nrow * (w + padding))
    for i, img in enumerate(tensor):
        top, left = (i // nrow) * (h + padding), (i % nrow) * (w + padding)
        grid[top:top + h, left:left + w] = img[0]
    return grid


for module in model.modules():
    if isinstance(module, nn.Conv2d):
        kernels = module.weight
        for o_idx in range(kernels.shape[0]):
            kernel_idx = kernels[o_idx].unsqueeze(1)
            img_grid = make_grid(kernel_idx, nrow=3)
