# report: https://github.com/wohlert/semi-supervised-pytorch/blob/7cde4959468d271552febdcfed5e1cfae9857613/examples/mnist_sslvae.py#L114
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
enc = nn.Linear(12, 4)
dec = nn.Sequential(nn.Linear(2, 12), nn.Sigmoid())
optimizer = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), lr=3e-4)
total_loss = 0
for u in [torch.rand(5, 12).bernoulli()]:
    u = Variable(u)
    mu, log_var = enc(u).chunk(2, dim=1)
    z = mu + log_var.mul(0.5).exp() * torch.randn_like(mu)
    r = dec(z)
    elbo = torch.sum(u * torch.log(r + 1e-8) + (1 - u) * torch.log(1 - r + 1e-8), dim=-1) - 0.5 * torch.sum(mu ** 2 + log_var.exp() - 1 - log_var, dim=-1)
    L = -torch.mean(elbo)
    L.backward()
    optimizer.step()
    optimizer.zero_grad()
    total_loss += L.data[0]
