# report: https://github.com/kefirski/pytorch_RVAE/blob/19103d1298d7d77423c6e7d76dcc190400d7256e/train.py#L67
# family: removed-api
# expect: 30
# runtime: raises IndexError: too many indices for array
import torch as t
import torch.nn as nn
import torch.nn.functional as F

t.manual_seed(0)
vocab, latent = 7, 3
enc = nn.Linear(5, 2 * latent)
dec = nn.Linear(latent, vocab)
optimizer = t.optim.Adam(list(enc.parameters()) + list(dec.parameters()), 5e-5)


def train_step(x, target):
    mu, logvar = enc(x).chunk(2, 1)
    z = t.randn(x.size(0), latent) * t.exp(0.5 * logvar) + mu
    kld = (-0.5 * t.sum(logvar - t.pow(mu, 2) - t.exp(logvar) + 1, 1)).mean().squeeze()
    cross_entropy = F.cross_entropy(dec(z), target)
    loss = 79 * cross_entropy + 0.5 * kld
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return cross_entropy, kld


cross_entropy, kld = train_step(t.randn(4, 5), t.tensor([0, 3, 6, 1]))
print(cross_entropy.data.cpu().numpy()[0])  # a 0-dim loss gives a 0-d array
print(kld.data.cpu().numpy()[0])
