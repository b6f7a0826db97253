# report: https://github.com/jmtomczak/vae_vampprior/blob/bb6ff3e58036adbea448e82d7bc55593d605b52c/models/VAE.py#L144
# family: removed-api
# expect: 25 26 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(6, 6), nn.Sigmoid())


def calculate_loss(x, average=True):
    probs = net(x).clamp(1e-5, 1 - 1e-5)
    RE = (x * probs.log() + (1 - x) * (1 - probs).log()).sum(1)
    KL = probs.pow(2).sum(1)
    loss = -RE + KL
    return loss.mean(), RE.mean(), KL.mean()


X_full, MB = torch.bernoulli(torch.full((10, 6), 0.5)), 4
lower_bound = RE_all = KL_all = 0.
for i in range(int(math.ceil(X_full.size(0) / MB))):
    loss, RE, KL = calculate_loss(X_full[i * MB: (i + 1) * MB].view(-1, 6), average=True)
    RE_all += RE.cpu().data[0]
    KL_all += KL.cpu().data[0]
    lower_bound += loss.cpu().data[0]
