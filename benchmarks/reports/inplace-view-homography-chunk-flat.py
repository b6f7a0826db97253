# report: https://github.com/kail8/UnsupDIS-pytorch/issues/26
# family: inplace-view
# expect: 24
# runtime: raises RuntimeError: is a view and is being modified inplace
import torch
import torch.nn as nn

torch.manual_seed(0)


def transform_grid(H, height, width, eps=1e-7):
    """Project the pixel grid through homographies H (B, 3, 3); returns (B, H*W, 2)."""
    rows = torch.arange(height, dtype=torch.float32)
    cols = torch.arange(width, dtype=torch.float32)
    ys, xs = torch.meshgrid(rows, cols, indexing="ij")
    grid = torch.stack([xs.flatten(), ys.flatten(), torch.ones(height * width)])
    # homogeneous coordinates of every sample, one row per coordinate
    T_g = (H @ grid).permute(1, 0, 2).reshape(3, -1)
    x_s, y_s, t_s = torch.chunk(T_g, 3, dim=0)
    x_s_flat = x_s.view(-1)
    y_s_flat = y_s.view(-1)
    t_s_flat = t_s.view(-1)
    # avoid dividing by a homogeneous coordinate of zero
    t_s_flat[t_s_flat.abs() < eps] = eps
    coords = torch.stack([x_s_flat / t_s_flat, y_s_flat / t_s_flat], dim=-1)
    return coords.view(H.shape[0], height * width, 2)


regressor = nn.Linear(8, 8)
offsets = regressor(torch.randn(2, 8))
H = torch.cat([offsets, torch.ones(2, 1)], dim=1).view(2, 3, 3) * 0.1 + torch.eye(3)
warped = transform_grid(H, 4, 5)
warped.pow(2).mean().backward()
