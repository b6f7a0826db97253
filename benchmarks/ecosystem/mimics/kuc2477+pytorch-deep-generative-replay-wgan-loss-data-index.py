# report: https://github.com/kuc2477/pytorch-deep-generative-replay/blob/b2d82e45b69876ddab0f7ce38737888e17e377f2/models.py#L85
# family: removed-api
# expect: 36
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 8), nn.Sigmoid())
C = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(), nn.Linear(16, 1))
g_opt = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.5, 0.9))
c_opt = torch.optim.Adam(C.parameters(), lr=1e-3, betas=(0.5, 0.9))


def noise(n):
    return Variable(torch.randn(n, 4)) * .1


def train_a_batch(x):
    for _ in range(2):
        c_opt.zero_grad()
        c_loss = -(C(x).mean() - C(G(noise(x.size(0)))).mean())
        c_loss.backward()
        c_opt.step()
    g_opt.zero_grad()
    g_loss = -C(G(noise(x.size(0)))).mean()
    g_loss.backward()
    g_opt.step()
    return c_loss, g_loss


x = Variable(torch.rand(6, 8))
c_loss, g_loss = train_a_batch(x)
# the 2017 code reads the scalars the torch 0.3 way
result = {'c_loss': c_loss.data[0], 'g_loss': g_loss.data[0]}
print(result)
