# report: https://github.com/wiseodd/generative-models/blob/b930d5fa9e2f69adfd4ea8ec759f38f6ce6da4c2/GAN/boundary_equilibrium_gan/began_pytorch.py#L84
# family: removed-api
# expect: 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 6), nn.Sigmoid())
ae = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 6))
opt_d = torch.optim.Adam(ae.parameters(), lr=1e-3)
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3)
k, lam, gamma = 0, 1e-3, 0.5


def energy(x):
    return torch.mean(torch.sum(torch.abs(x - ae(x)), 1))


x = torch.rand(5, 6)
d_loss = energy(x) - k * energy(gen(torch.randn(5, 3)))
d_loss.backward()
opt_d.step()
gen.zero_grad(); ae.zero_grad()
z = torch.randn(5, 3)
g_loss = energy(gen(z))
g_loss.backward()
opt_g.step()
gen.zero_grad(); ae.zero_grad()
# the equilibrium term is a 0-dim tensor; taking element [0] to turn it into a float fails
k = k + lam * (gamma * energy(x) - energy(gen(z)))
k = k.data[0]
