# report: https://github.com/ethanluoyc/pytorch-vae/blob/7169602b8b01eba48438719118ae7af25a359222/vae.py#L116
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
np.random.seed(0)
enc = nn.Sequential(nn.Linear(12, 6), nn.ReLU())
enc_mu, enc_log_sigma = nn.Linear(6, 2), nn.Linear(6, 2)
dec = nn.Sequential(nn.Linear(2, 12), nn.ReLU())
params = list(enc.parameters()) + list(enc_mu.parameters()) + list(enc_log_sigma.parameters()) + list(dec.parameters())
optimizer = torch.optim.Adam(params, lr=1e-4)
criterion = nn.MSELoss()
l = None
for inputs in [torch.rand(4, 12)]:
    inputs = Variable(inputs)
    optimizer.zero_grad()
    h = enc(inputs)
    mu, sigma = enc_mu(h), torch.exp(enc_log_sigma(h))
    std_z = torch.from_numpy(np.random.normal(0, 1, size=sigma.size())).float()
    z = mu + sigma * Variable(std_z, requires_grad=False)
    ll = 0.5 * torch.mean(mu * mu + sigma * sigma - torch.log(sigma * sigma) - 1)
    loss = criterion(dec(z), inputs) + ll
    loss.backward()
    optimizer.step()
    l = loss.data[0]
