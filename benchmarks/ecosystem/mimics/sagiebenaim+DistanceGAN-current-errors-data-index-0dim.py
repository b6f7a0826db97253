# report: https://github.com/sagiebenaim/DistanceGAN/blob/f827205ee45de351261f44505109395192894351/cyclegan_arch/gan_model.py#L156
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
from collections import OrderedDict
import torch
import torch.nn as nn

torch.manual_seed(0)
netG_A = nn.Sequential(nn.Conv2d(3, 3, 3, 1, 1), nn.Tanh())
netD_A = nn.Sequential(nn.Conv2d(3, 1, 4, 2, 1))
optimizer_G = torch.optim.Adam(netG_A.parameters(), lr=2e-4, betas=(0.5, 0.999))
optimizer_D_A = torch.optim.Adam(netD_A.parameters(), lr=2e-4, betas=(0.5, 0.999))
mse = nn.MSELoss()
real_A, real_B = torch.randn(2, 3, 8, 8), torch.randn(2, 3, 8, 8)

optimizer_G.zero_grad()
fake_B = netG_A(real_A)
pred = netD_A(fake_B)
loss_G_A = mse(pred, torch.ones_like(pred))
loss_G_A.backward()
optimizer_G.step()

optimizer_D_A.zero_grad()
pr, pf = netD_A(real_B), netD_A(fake_B.detach())
loss_D_A = 0.5 * (mse(pr, torch.ones_like(pr)) + mse(pf, torch.zeros_like(pf)))
loss_D_A.backward()
optimizer_D_A.step()

# get_current_errors
errors = OrderedDict([('D_A', loss_D_A.data[0]), ('G_A', loss_G_A.data[0])])
