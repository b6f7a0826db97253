# report: https://github.com/wiseodd/generative-models/blob/b930d5fa9e2f69adfd4ea8ec759f38f6ce6da4c2/GAN/ali_bigan/ali_bigan_pytorch.py#L83
# family: gan-step
# expect: 34
# runtime: asserts the encoder/decoder optimizer steps on the discriminator loss's gradients, moving them to help the discriminator
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


opt_g = torch.optim.Adam(chain(enc.parameters(), dec.parameters()), lr=1e-2)
opt_d = torch.optim.Adam(disc_.parameters(), lr=1e-2)

x = torch.rand(16, 6)
z = torch.randn(16, 3)
before = [p.detach().clone() for p in chain(enc.parameters(), dec.parameters())]

d_loss = -torch.mean(log(disc(x, enc(x))) + log(1 - disc(dec(z), z)))
d_loss.backward()
d_grads = [p.grad.detach().clone() for p in chain(enc.parameters(), dec.parameters())]
opt_d.step()
opt_g.step()  # the generator side steps on the gradients of the discriminator's loss
for m in (enc, dec, disc_):
    m.zero_grad()

after = list(chain(enc.parameters(), dec.parameters()))
# the encoder/decoder moved down the discriminator loss's gradient: they now help the discriminator
moved = sum(((a.detach() - b) * g).sum() for a, b, g in zip(after, before, d_grads))
assert moved < 0
