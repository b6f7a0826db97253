# report: https://github.com/jwyang/lr-gan.pytorch/blob/824a9719d8dbd6698721c8eee22120f5b793a2b2/train.py#L424
# family: removed-api
# expect: 20
# runtime: raises ValueError: Using a target size
import torch
import torch.nn as nn
from torch.autograd import Variable

netD = nn.Sequential(nn.Conv2d(3, 8, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
                     nn.Conv2d(8, 1, 4, 1, 0, bias=False), nn.Sigmoid())
criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
real = torch.randn(5, 3, 8, 8)
label = torch.FloatTensor(5)

netD.zero_grad()
label.resize_(5).fill_(1)
labelv = Variable(label)
output = netD(real).view(-1, 1)
errD_real = criterion(output, labelv)
errD_real.backward()
optimizerD.step()
