# report: https://github.com/wiseodd/generative-models/blob/b930d5fa9e2f69adfd4ea8ec759f38f6ce6da4c2/GAN/gibbsnet/gibbsnet_pytorch.py#L93
# family: gan-step
# expect: 42 43
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
from itertools import chain

torch.manual_seed(0)
enc = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
dec = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 6), nn.Sigmoid())
disc_ = nn.Sequential(nn.Linear(9, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())


def disc(x, z):
    return disc_(torch.cat([x, z], 1))


def log(t):
    return torch.log(t + 1e-8)


opt_g = torch.optim.Adam(chain(enc.parameters(), dec.parameters()), lr=1e-3)
opt_d = torch.optim.Adam(disc_.parameters(), lr=1e-3)

x = torch.rand(4, 6)
z_hat = enc(x)
z = torch.randn(4, 3)
for _ in range(3):
    z_n = z.clone()
    x_hat = dec(z_n)
    z = enc(x_hat)
p_data = disc(x, z_hat)
p_model = disc(x_hat, z_n)
d_loss = -torch.mean(log(p_data) + log(1 - p_model))
d_loss.backward(retain_graph=True)
opt_d.step()
opt_g.step()
for m in (enc, dec, disc_):
    m.zero_grad()
# the generator loss reuses the graph whose weights both optimizers just changed in place
g_loss = -torch.mean(log(p_model) + log(1 - p_data))
g_loss.backward()
opt_g.step()
