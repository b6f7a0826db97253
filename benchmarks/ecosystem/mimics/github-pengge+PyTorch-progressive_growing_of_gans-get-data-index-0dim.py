# report: https://github.com/github-pengge/PyTorch-progressive_growing_of_gans/blob/96813876ae869a1176e9abc3231d4fb29ab5c09c/train.py#L113
# family: removed-api
# expect: 20, 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
disc = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
opt_d = torch.optim.Adam(disc.parameters(), lr=1e-3, betas=(0.0, 0.99))


class Trainer:
    _d_ = 0.0

    def _get_data(self, d):
        return d.data[0] if isinstance(d, Variable) else d

    def d_step(self, real, fake):
        opt_d.zero_grad()
        self.d_real = disc(real)
        loss = torch.mean((self.d_real - 1.0) ** 2) + torch.mean(disc(fake) ** 2)
        loss.backward()
        opt_d.step()
        return loss

    def noise_strength(self):
        self._d_ = self._d_ * 0.9 + np.clip(torch.mean(self.d_real).data[0], 0.0, 1.0) * 0.1
        return 0.2 * max(0, self._d_ - 0.5) ** 2


tr = Trainer()
loss = tr.d_step(torch.randn(5, 6), gen(torch.randn(5, 4)).detach())
try:
    print(tr._get_data(loss))
except IndexError as e:
    print("get_data:", e)
tr.noise_strength()
