# report: https://github.com/sunshineatnoon/Paper-Implementations/blob/8e2f7896739a1af87d46574fbb162acf2df5433c/dcgan/dcgan.py#L142
# family: removed-api
# expect: 26 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netD = nn.Sequential(nn.Linear(4, 1), nn.Sigmoid())
netG = nn.Sequential(nn.Linear(2, 4), nn.Tanh())
optD = torch.optim.Adam(netD.parameters())
optG = torch.optim.Adam(netG.parameters())
crit = nn.BCELoss()
ones, zeros = torch.ones(3, 1), torch.zeros(3, 1)

netD.zero_grad()
fake = netG(torch.randn(3, 2))
errD = crit(netD(torch.randn(3, 4)), ones) + crit(netD(fake.detach()), zeros)
errD.backward()
optD.step()
netG.zero_grad()
errG = crit(netD(fake), ones)
errG.backward()
optG.step()

print('Loss_D: %.4f Loss_G: %.4f'
      % (errD.data[0], errG.data[0]))
