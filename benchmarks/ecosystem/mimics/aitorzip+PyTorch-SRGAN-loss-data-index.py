# report: https://github.com/aitorzip/PyTorch-SRGAN/blob/5377e3cb63b72db299f610ef21cfb9f1ed2bff5b/train#L135
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
upscaler = nn.Sequential(nn.Conv2d(3, 12, 3, padding=1), nn.PixelShuffle(2), nn.Conv2d(3, 3, 3, padding=1))
mse = nn.MSELoss()
opt_g = torch.optim.Adam(upscaler.parameters(), lr=1e-4)
small = torch.zeros(2, 3, 4, 4)
batches = [torch.rand(2, 3, 8, 8) for _ in range(2)]

running = 0.0
for big in batches:
    for j in range(2):
        small[j] = nn.functional.avg_pool2d(big[j:j + 1], 2)[0]
    real = Variable(big)
    fake = upscaler(Variable(small))
    upscaler.zero_grad()
    content = mse(fake, real)
    # pre-0.4 idiom for reading the scalar loss
    running += content.data[0]
    content.backward()
    opt_g.step()
