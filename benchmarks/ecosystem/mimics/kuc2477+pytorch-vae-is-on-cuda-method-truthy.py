# report: https://github.com/kuc2477/pytorch-vae/blob/726a27eb668edcd7a6afdd23a2ee001a1f31d54f/model.py#L73
# family: module-misuse
# expect: 23
# runtime: raises AssertionError: Torch not compiled with CUDA enabled
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(8, 6), nn.ReLU())
q_mean, q_logvar = nn.Linear(6, 2), nn.Linear(6, 2)
decoder = nn.Sequential(nn.Linear(2, 8), nn.Sigmoid())
params = list(encoder.parameters()) + list(q_mean.parameters()) + list(q_logvar.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=3e-4)


def is_on_cuda():
    return next(encoder.parameters()).is_cuda


def sample_z(mean, logvar):
    std = logvar.mul(0.5).exp_()
    eps = Variable(torch.randn(std.size())).cuda() if is_on_cuda else Variable(torch.randn(std.size()))  # method object, always true
    return eps.mul(std).add_(mean)


x = torch.rand(4, 8)  # a CPU run (--no-gpus)
h = encoder(x)
mean, logvar = q_mean(h), q_logvar(h)
z = sample_z(mean, logvar)
x_rec = decoder(z)
loss = nn.functional.binary_cross_entropy(x_rec, x, reduction="sum") / 4
optimizer.zero_grad()
loss.backward()
optimizer.step()
