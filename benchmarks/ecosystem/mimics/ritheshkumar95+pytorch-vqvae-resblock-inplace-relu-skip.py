# report: https://github.com/ritheshkumar95/pytorch-vqvae/blob/8d123c0d043bebc8734d37785dd13dd20e7e5e0e/modules.py#L98
# family: inplace-saved-tensor
# expect: 13 22
# runtime: asserts the in-place ReLU at the head of the block rewrites x, so the skip adds relu(x) instead of x
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.block = nn.Sequential(
            nn.ReLU(True),
            nn.Conv2d(dim, dim, 3, 1, 1),
            nn.BatchNorm2d(dim),
            nn.ReLU(True),
            nn.Conv2d(dim, dim, 1),
            nn.BatchNorm2d(dim),
        )

    def forward(self, x):
        return x + self.block(x)


torch.manual_seed(0)
stem = nn.Conv2d(2, 4, 4, 2, 1)
res = ResBlock(4)
z_e_x_pre = stem(torch.randn(2, 2, 8, 8))
x0 = z_e_x_pre.detach().clone()
branch = res.block(x0.clone())
assert (x0 < 0).any()
z_e_x = res(z_e_x_pre)
assert not torch.allclose(z_e_x, x0 + branch)  # intended: x + F(x)
assert torch.allclose(z_e_x, x0.relu() + branch, atol=1e-6)  # got: relu(x) + F(x)
assert torch.equal(z_e_x_pre.detach(), x0.relu())  # the encoder output x itself was overwritten
