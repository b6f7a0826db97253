# report: https://github.com/sunshineatnoon/Paper-Implementations/blob/8e2f7896739a1af87d46574fbb162acf2df5433c/dcgan/dcgan.py#L114
# family: removed-api
# expect: 18
# runtime: raises ValueError: Using a target size
import torch
import torch.nn as nn

torch.manual_seed(0)
# a DCGAN critic ending in a 4x4 conv + Sigmoid: output (B, 1, 1, 1)
netD = nn.Sequential(nn.Conv2d(1, 4, 4, 2, 1), nn.LeakyReLU(0.2, True), nn.Conv2d(4, 1, 4, 1, 0), nn.Sigmoid())
criterion = nn.BCELoss()
label = torch.FloatTensor(3)
real = torch.randn(3, 1, 8, 8)

netD.zero_grad()
label.data.resize_(real.size(0)).fill_(1)  # target (B,)
output = netD(real)
errD_real = criterion(output, label)
errD_real.backward()
