# report: https://github.com/rtqichen/beta-tcvae/blob/1a3577dbb14642b9ac27010928d12132d0c0fb91/vae_quant.py#L435
# family: removed-api
# expect: 41
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
z_dim = 3
encoder = nn.Sequential(nn.Linear(16, 32), nn.ReLU(inplace=True), nn.Linear(32, 2 * z_dim))
decoder = nn.Sequential(nn.Linear(z_dim, 32), nn.Tanh(), nn.Linear(32, 16))
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3)


class RunningAverageMeter:
    def __init__(self, momentum=0.97):
        self.momentum, self.val, self.avg = momentum, None, 0

    def update(self, val):
        self.avg = val if self.val is None else self.avg * self.momentum + val * (1 - self.momentum)
        self.val = val


def elbo(x):
    params = encoder(x).view(x.size(0), z_dim, 2)
    mu, logsigma = params.select(-1, 0), params.select(-1, 1)
    z = torch.randn_like(mu) * logsigma.exp() + mu
    logpx = -F.binary_cross_entropy_with_logits(decoder(z), x, reduction="none").sum(1)
    logpz = (-0.5 * z ** 2).sum(1)
    logqz = (-0.5 * ((z - mu) / logsigma.exp()) ** 2 - logsigma).sum(1)
    e = logpx + logpz - logqz
    return e, e.detach()


meter = RunningAverageMeter()
x = torch.rand(8, 16).round()
optimizer.zero_grad()
obj, e = elbo(x)
obj.mean().mul(-1).backward()
meter.update(e.mean().data[0])
optimizer.step()
