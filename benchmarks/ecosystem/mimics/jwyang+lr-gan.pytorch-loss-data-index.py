# report: https://github.com/jwyang/lr-gan.pytorch/blob/824a9719d8dbd6698721c8eee22120f5b793a2b2/train.py#L453
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

netG = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
netD = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
criterion = nn.BCELoss()
noise = torch.randn(3, 4)
fake = netG(noise)
errD_real = criterion(netD(torch.randn(3, 6)), torch.ones(3, 1))
errD_fake = criterion(netD(fake.detach()), torch.zeros(3, 1))
errD = errD_real + errD_fake
errD.backward()
errG = criterion(netD(fake), torch.ones(3, 1))
errG.backward()
D_x = 0.5
print('[%d/%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f'
      % (0, 1,
         errD.data[0], errG.data[0], D_x))
