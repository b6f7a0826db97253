# report: https://github.com/zhangxiann/PyTorch_Practice/blob/59ceef57476206bf62673a8bcb05ce52f3769aaf/lesson8/gan_demo.py#L113
# family: removed-api
# expect: 22 24
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

torch.manual_seed(0)
nz = 4
net_g = nn.Sequential(nn.Linear(nz, 6), nn.Tanh())
net_d = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(net_d.parameters(), lr=2e-4, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(net_g.parameters(), lr=2e-4, betas=(0.5, 0.999))
real_idx = 1
fake_idx = 0

real_img = torch.randn(5, 6)
b_size = real_img.size(0)
net_d.zero_grad()
# an int fill value gives an int64 tensor since torch 1.7 (a float one in 0.4-1.4)
real_label = torch.full((b_size,), real_idx)
fake_img = net_g(torch.randn(b_size, nz))
fake_label = torch.full((b_size,), fake_idx)
loss_d_real = criterion(net_d(real_img).view(-1), real_label)
loss_d_fake = criterion(net_d(fake_img.detach()).view(-1), fake_label)
loss_d_real.backward()
loss_d_fake.backward()
optimizerD.step()
