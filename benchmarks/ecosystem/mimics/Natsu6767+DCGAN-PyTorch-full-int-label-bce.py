# report: https://github.com/Natsu6767/DCGAN-PyTorch/blob/d3165b562cca2c03f9b0c512ddedd81d23833363/train.py#L100
# family: removed-api
# expect: 16
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

torch.manual_seed(0)
netD = nn.Sequential(nn.Conv2d(3, 4, 4, 2, 1), nn.LeakyReLU(0.2, True), nn.Conv2d(4, 1, 4), nn.Sigmoid())
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
criterion = nn.BCELoss()
real_label = 1
real_data = torch.rand(2, 3, 8, 8)

netD.zero_grad()
label = torch.full((real_data.size(0), ), real_label)  # int64 label since torch 1.7
output = netD(real_data).view(-1)
errD_real = criterion(output, label)
errD_real.backward()
optimizerD.step()
