# report: https://github.com/hardmaru/pytorch_notebooks/blob/83a0a20318eb2872537593a387069f3c74a186e8/mixture_density_networks.ipynb
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
network = nn.Sequential(nn.Linear(1, 8), nn.Tanh())
z_pi, z_sigma, z_mu = nn.Linear(8, 3), nn.Linear(8, 3), nn.Linear(8, 3)
params = list(network.parameters()) + list(z_pi.parameters()) + list(z_sigma.parameters()) + list(z_mu.parameters())
optimizer = torch.optim.Adam(params)
x_variable = Variable(torch.randn(16, 1))
y_variable = Variable(torch.randn(16, 1), requires_grad=False)
one_div_sqrt_two_pi = 1.0 / np.sqrt(2.0 * np.pi)

for epoch in range(2):
    h = network(x_variable)
    pi = torch.softmax(z_pi(h), -1)
    sigma = torch.exp(z_sigma(h))
    mu = z_mu(h)
    result = (y_variable.expand_as(mu) - mu) * torch.reciprocal(sigma)
    result = torch.exp(-0.5 * result * result) * torch.reciprocal(sigma) * one_div_sqrt_two_pi
    loss = torch.mean(-torch.log(torch.sum(result * pi, dim=1)))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 500 == 0:
        print(epoch, loss.data[0])
