# report: https://github.com/heykeetae/Self-Attention-GAN/issues/48
# family: gan-step
# expect: 21
# runtime: asserts the discriminator's loss leaks into the generator's gradient and update
# twin: gan-step-fake-not-detached-leak-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 8))
D = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
g_optimizer = torch.optim.SGD(G.parameters(), lr=0.1)
d_optimizer = torch.optim.SGD(D.parameters(), lr=0.1)

real, z = torch.randn(6, 8), torch.randn(6, 4)
g_optimizer.zero_grad()
d_optimizer.zero_grad()
# ---- train D ----
fake = G(z)
d_loss = F.softplus(-D(real)).mean() + F.softplus(D(fake)).mean()
d_loss.backward()
d_optimizer.step()
leaked = G[0].weight.grad.clone()
# ---- train G ----
g_loss = F.softplus(-D(G(z))).mean()
own_grad, = torch.autograd.grad(g_loss, G[0].weight, retain_graph=True)
g_loss.backward()
g_optimizer.step()
assert leaked.abs().sum() > 0
assert not torch.allclose(G[0].weight.grad, own_grad)
