# report: https://github.com/pytorch/examples/issues/584
# family: gan-step
# expect: 31
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)
nz = 4
netG = nn.Sequential(nn.Linear(nz, 16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh())
netD = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
real = torch.rand(5, 8) * 2 - 1

# (1) Update D network
netD.zero_grad()
label = torch.full((5, 1), 1.0)
errD_real = criterion(netD(real), label)
errD_real.backward()
fake = netG(torch.randn(5, nz))
label.fill_(0.0)
output = netD(fake.detach())
errD_fake = criterion(output, label)
errD_fake.backward()
optimizerD.step()
# (2) Update G network: reuse D's output on the fake batch instead of a second D forward
netG.zero_grad()
label.fill_(1.0)
errG = criterion(output, label)
errG.backward()
optimizerG.step()
