# report: https://github.com/HsinYingLee/DRIT/blob/f19f50a8fa5f28dffbd93a0ed034da616232d769/src/model.py#L401
# family: inplace-saved-tensor
# expect: 36
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
enc_c = nn.Sequential(nn.Conv2d(3, 4, 3, 1, 1), nn.ReLU())
enc_a = nn.Sequential(nn.Conv2d(3, 2, 3, 1, 1), nn.AdaptiveAvgPool2d(1), nn.Flatten())
gen = nn.Sequential(nn.Conv2d(6, 3, 3, 1, 1), nn.Tanh())
dis = nn.Sequential(nn.Conv2d(3, 1, 3, 1, 1), nn.Sigmoid())
enc_c_opt = torch.optim.Adam(enc_c.parameters(), lr=1e-4, betas=(0.5, 0.999))
enc_a_opt = torch.optim.Adam(enc_a.parameters(), lr=1e-4, betas=(0.5, 0.999))
gen_opt = torch.optim.Adam(gen.parameters(), lr=1e-4, betas=(0.5, 0.999))

real = torch.randn(2, 3, 8, 8)
z_content = enc_c(real)
z_attr = enc_a(real)
z_random = torch.randn(2, 2)
fake_encoded = gen(torch.cat([z_content, z_attr[:, :, None, None].expand(2, 2, 8, 8)], 1))
fake_random = gen(torch.cat([z_content, z_random[:, :, None, None].expand(2, 2, 8, 8)], 1))
z_attr_random = enc_a(fake_random)

# update G, Ec, Ea
enc_c_opt.zero_grad(); enc_a_opt.zero_grad(); gen_opt.zero_grad()
loss_G = F.binary_cross_entropy(dis(fake_encoded), torch.ones(2, 1, 8, 8)) + F.l1_loss(fake_encoded, real)
loss_G.backward(retain_graph=True)
enc_c_opt.step(); enc_a_opt.step(); gen_opt.step()

# update G, Ec (latent regression) on the graph built before the step
enc_c_opt.zero_grad(); gen_opt.zero_grad()
loss_z_L1 = torch.mean(torch.abs(z_attr_random - z_random)) * 10
loss_z_L1 = loss_z_L1 + F.binary_cross_entropy(dis(fake_random), torch.ones(2, 1, 8, 8))
loss_z_L1.backward()
enc_c_opt.step()
gen_opt.step()
