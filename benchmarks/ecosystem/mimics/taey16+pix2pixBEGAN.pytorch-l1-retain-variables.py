# report: https://github.com/taey16/pix2pixBEGAN.pytorch/blob/2f17b7918a6c0e8e7cc28fe2710af49dea5a8a61/main_pix2pixBEGAN.py#L200
# family: removed-api
# expect: 29
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), nn.ReLU(), nn.Conv2d(8, 3, 3, 1, 1), nn.Tanh())
netD = nn.Sequential(nn.Conv2d(3, 4, 3, 1, 1), nn.ELU(), nn.Conv2d(4, 3, 3, 1, 1))
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
criterionCAE = nn.L1Loss()
inp, target = torch.randn(1, 3, 8, 8), torch.randn(1, 3, 8, 8)
k = 0.0

netD.zero_grad()
x_hat = netG(inp)
fake = x_hat.detach()
errD = torch.mean(torch.abs(netD(target) - target)) - k * torch.mean(torch.abs(netD(fake) - fake))
errD.backward()
optimizerD.step()

for p in netD.parameters():
    p.requires_grad = False
netG.zero_grad()
L_img = 0.1 * criterionCAE(x_hat, target)
L_img.backward(retain_variables=True)
errG = torch.mean(torch.abs(netD(x_hat) - x_hat))
errG.backward()
optimizerG.step()
