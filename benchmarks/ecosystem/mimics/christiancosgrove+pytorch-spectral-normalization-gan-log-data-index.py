# report: https://github.com/christiancosgrove/pytorch-spectral-normalization-gan/blob/12dcf945a6359301d63d1e0da3708cd0f0590b19/main.py#L93
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
disc = nn.Linear(8, 1)
gen = nn.Linear(4, 8)
opt_d = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.0, 0.9))
real = torch.randn(6, 8)
z = torch.randn(6, 4)
opt_d.zero_grad()
disc_loss = nn.ReLU()(1.0 - disc(real)).mean() + nn.ReLU()(1.0 + disc(gen(z))).mean()
disc_loss.backward()
opt_d.step()
gen_loss = -disc(gen(torch.randn(6, 4))).mean()
gen_loss.backward()
print('disc loss', disc_loss.data[0], 'gen loss', gen_loss.data[0])
