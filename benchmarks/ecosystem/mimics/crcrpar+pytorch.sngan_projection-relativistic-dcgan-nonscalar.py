# report: https://github.com/crcrpar/pytorch.sngan_projection/blob/00a9cde210f9477b821ba893a779d302f16c954c/losses.py#L65
# family: non-scalar-backward
# expect: 23
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn
from torch.nn import utils

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh())
dis = nn.Sequential(utils.spectral_norm(nn.Linear(8, 16)), nn.ReLU(), utils.spectral_norm(nn.Linear(16, 1)))
opt_dis = torch.optim.Adam(dis.parameters(), 2e-4, (0.0, 0.9))


def preprocess(dis_fake, dis_real):
    c_xf = torch.mean(dis_fake, dim=0, keepdim=True).expand_as(dis_fake)
    c_xr = torch.mean(dis_real, dim=0, keepdim=True).expand_as(dis_real)
    return dis_fake - c_xr, dis_real - c_xf


def relativistic_dcgan_dis_loss(dis_fake, dis_real):
    d_xf, d_xr = preprocess(dis_fake, dis_real)
    return -torch.log(torch.sigmoid(d_xr)) - torch.log(1.0 - torch.sigmoid(d_xf))


fake = gen(torch.randn(6, 4))
real = torch.rand(6, 8) * 2 - 1
loss_dis = relativistic_dcgan_dis_loss(dis(fake), dis(real))
dis.zero_grad()
loss_dis.backward()
opt_dis.step()
