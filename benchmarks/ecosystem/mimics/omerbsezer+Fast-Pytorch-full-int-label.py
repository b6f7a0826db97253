# report: https://github.com/omerbsezer/Fast-Pytorch/blob/6f60db9470dad61a22b0e00ae952e21861cca427/Learning_Pytorch/DCGAN.ipynb
# family: removed-api
# expect: 22
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

torch.manual_seed(0)
nz = 4
netG = nn.Sequential(nn.ConvTranspose2d(nz, 3, 4, 1, 0), nn.Tanh())
netD = nn.Sequential(nn.Conv2d(3, 1, 4, 1, 0), nn.Sigmoid())
criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
real_label = 1
fake_label = 0
dataloader = [(torch.randn(5, 3, 4, 4), None)]
for i, data in enumerate(dataloader, 0):
    netD.zero_grad()
    real_cpu = data[0]
    b_size = real_cpu.size(0)
    label = torch.full((b_size,), real_label)
    output = netD(real_cpu).view(-1)
    errD_real = criterion(output, label)
    errD_real.backward()
    noise = torch.randn(b_size, nz, 1, 1)
    fake = netG(noise)
    label.fill_(fake_label)
    output = netD(fake.detach()).view(-1)
    errD_fake = criterion(output, label)
    errD_fake.backward()
    optimizerD.step()
