# report: https://github.com/aitorzip/PyTorch-SRGAN/blob/5377e3cb63b72db299f610ef21cfb9f1ed2bff5b/train#L179
# family: removed-api
# expect: 22
# runtime: raises RuntimeError: all elements of target should be between 0 and 1
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
critic = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                       nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 1), nn.Sigmoid())
upscaler = nn.Sequential(nn.Conv2d(3, 12, 3, padding=1), nn.PixelShuffle(2))
bce = nn.BCELoss()
opt_d = torch.optim.Adam(critic.parameters(), lr=1e-5)
batch = 4
small = torch.rand(batch, 3, 4, 4)
big = torch.rand(batch, 3, 8, 8)

real = Variable(big)
fake = upscaler(Variable(small))
# "soft" labels: real in [0.7, 1.2), fake in [0, 0.3)
target_real = Variable(torch.rand(batch, 1) * 0.5 + 0.7)
target_fake = Variable(torch.rand(batch, 1) * 0.3)
critic.zero_grad()
d_loss = bce(critic(real), target_real) + bce(critic(Variable(fake.data)), target_fake)
d_loss.backward()
opt_d.step()
