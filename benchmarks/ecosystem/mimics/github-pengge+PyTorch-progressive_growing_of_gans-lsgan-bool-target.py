# report: https://github.com/github-pengge/PyTorch-progressive_growing_of_gans/blob/96813876ae869a1176e9abc3231d4fb29ab5c09c/train.py#L95
# family: removed-api
# expect: 17
# runtime: raises RuntimeError: with a bool tensor is not supported
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
disc = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
opt_d = torch.optim.Adam(disc.parameters(), lr=1e-3, betas=(0.0, 0.99))


class Trainer:
    def __init__(self):
        # least-squares loss; target passed as a Python bool (True=real, False=fake)
        self.adv = lambda p, t, w: torch.mean((p - t) ** 2)

    def d_loss(self, real, fake):
        return self.adv(disc(real), True, 0.5) + self.adv(disc(fake), False, 0.5) * 0.1


tr = Trainer()
opt_d.zero_grad()
loss = tr.d_loss(torch.randn(5, 6), gen(torch.randn(5, 4)).detach())
loss.backward()
opt_d.step()
