# report: https://github.com/jayleicn/animeGAN/blob/b908d403068de8a95ca271d379e1a07a0f47e62a/main.py#L203
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(4, 12), nn.Tanh())
netD = nn.Sequential(nn.Linear(12, 1), nn.Sigmoid())
optD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
bce = nn.BCELoss()
real = torch.randn(5, 12)
netD.zero_grad()
fake = netG(torch.randn(5, 4))
errD = bce(netD(real), torch.full((5, 1), 0.9)) + bce(netD(fake.detach()), torch.zeros(5, 1))
errD.backward()
optD.step()
netG.zero_grad()
out = netD(fake)
errG = bce(out, torch.ones(5, 1))
errG.backward()
optG.step()
print('Loss_D: %.4f Loss_G: %.4f D(G(z)): %.4f'
      % (errD.data[0], errG.data[0], out.data.mean()))
