# report: https://github.com/taey16/pix2pixBEGAN.pytorch/blob/2f17b7918a6c0e8e7cc28fe2710af49dea5a8a61/main_pix2pixBEGAN.py#L213
# family: removed-api
# expect: 26, 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), nn.ReLU(), nn.Conv2d(8, 3, 3, 1, 1), nn.Tanh())
netD = nn.Sequential(nn.Conv2d(3, 4, 3, 1, 1), nn.ELU(), nn.Conv2d(4, 3, 3, 1, 1))
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
inp, target = torch.randn(1, 3, 8, 8), torch.randn(1, 3, 8, 8)
k, gamma, lambda_k = 0.0, 0.7, 0.001

netD.zero_grad()
x_hat = netG(inp)
fake = x_hat.detach()
errD_real = torch.mean(torch.abs(netD(target) - target))
errD_fake = torch.mean(torch.abs(netD(fake) - fake))
errD = errD_real - k * errD_fake
errD.backward()
optimizerD.step()

# update the BEGAN equilibrium term k_t
try:
    balance = (gamma * errD_real - errD_fake).data[0]
except IndexError as e:
    print("balance:", e)
    balance = (gamma * errD_real - errD_fake).item()
k = min(max(k + lambda_k * balance, 0), 1)
measure = errD_real.data[0] + abs(balance)
