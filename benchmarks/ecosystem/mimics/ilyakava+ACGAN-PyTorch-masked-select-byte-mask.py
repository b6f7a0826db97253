# report: https://github.com/ilyakava/ACGAN-PyTorch/blob/a2ac29d4d297e091a9c6a80281767f796b390be2/main.py#L383
# family: removed-api
# expect: 20
# runtime: raises RuntimeError: masked_select: expected BoolTensor for mask
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
K = 3
netD = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, K + 1))
netG = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
optimizerG = torch.optim.Adam(netG.parameters(), lr=1e-4)
aux_label = torch.full((5,), K, dtype=torch.long)


def crammer_singer_complement(X, Ylabel):
    mask = torch.ones_like(X)
    mask.scatter_(1, Ylabel.unsqueeze(-1), 0)
    wrongs = torch.masked_select(X, mask.byte()).reshape(X.shape[0], K)
    max_wrong, _ = wrongs.max(1)
    target = X.gather(1, Ylabel.unsqueeze(-1))
    return torch.mean(F.relu(1 - max_wrong.unsqueeze(-1) + target))


netG.zero_grad()
errG = crammer_singer_complement(netD(netG(torch.randn(5, 4))), aux_label)
errG.backward()
optimizerG.step()
