# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter07/GAN/DCGAN.ipynb
# family: removed-api
# expect: 36
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(3, 6), nn.Tanh())
netD = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid(), nn.Flatten(0))
criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(netD.parameters(), 2e-4, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(netG.parameters(), 2e-4, betas=(0.5, 0.999))
real = torch.randn(4, 6)
label = torch.empty(4)

netD.zero_grad()
label.fill_(1)
output = netD(real)
errD_real = criterion(output, label)
errD_real.backward()
fake = netG(torch.randn(4, 3))
output = netD(fake.detach())
errD_fake = criterion(output, label.fill_(0))
errD_fake.backward()
errD = errD_real + errD_fake
optimizerD.step()

netG.zero_grad()
output = netD(fake)
errG = criterion(output, label.fill_(1))
errG.backward()
optimizerG.step()

message = "Loss_D: %.4f Loss_G: %.4f" % (
    errD.data[0], errG.data[0])
