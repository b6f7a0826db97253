# report: https://github.com/jakezhaojb/ARAE/blob/ee6b50b81516f907df80a8e6ebd35a1a232568ec/yelp/train.py#L447
# family: non-scalar-backward
# expect: 30, 32, 37
# runtime: raises RuntimeError: Mismatch in shape
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)


class MLP_D(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))

    def forward(self, x):
        return torch.mean(self.net(x))  # 0-dim critic score


gan_gen, gan_disc = nn.Linear(3, 6), MLP_D()
opt_g = torch.optim.Adam(gan_gen.parameters(), lr=1e-4)
opt_d = torch.optim.Adam(gan_disc.parameters(), lr=1e-4)
one = torch.FloatTensor([1])
mone = one * -1

opt_d.zero_grad()
real_hidden = torch.randn(4, 6)
errD_real = gan_disc(real_hidden)
errD_real.backward(one)
errD_fake = gan_disc(gan_gen(Variable(torch.randn(4, 3))).detach())
errD_fake.backward(mone)
opt_d.step()

gan_gen.zero_grad()
errG = gan_disc(gan_gen(torch.randn(4, 3)))
errG.backward(one)
opt_g.step()
