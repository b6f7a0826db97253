# report: https://github.com/jayleicn/animeGAN/blob/b908d403068de8a95ca271d379e1a07a0f47e62a/main.py#L167
# family: removed-api
# expect: 24
# runtime: raises ValueError: Using a target size
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
netD_main = nn.Sequential(nn.Conv2d(3, 8, 4, 2, 1), nn.LeakyReLU(0.2, True), nn.Conv2d(8, 1, 4, 1, 0), nn.Sigmoid())


def netD(x):
    return netD_main(x).view(-1, 1)  # (B, 1)


criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(netD_main.parameters(), lr=2e-4, betas=(0.5, 0.999))
label = Variable(torch.FloatTensor(4))
real = torch.randn(4, 3, 8, 8)
netD_main.zero_grad()
label.data.resize_(4).fill_(1 - 0.1)  # (B,) smoothed real labels
output = netD(real)
errD_real = criterion(output, label)
errD_real.backward()
optimizerD.step()
