# report: https://github.com/raahii/infogan-pytorch/blob/3729f484854ea023fc349e5fe90f2956396fcd9f/src/loss.py#L23
# family: removed-api
# expect: 20
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

REAL, FAKE = 1, 0
torch.manual_seed(0)
dis = nn.Sequential(nn.Linear(6, 4), nn.LeakyReLU(0.1))
dhead = nn.Sequential(nn.Linear(4, 1), nn.Sigmoid())
opt_dis = torch.optim.Adam(list(dis.parameters()) + list(dhead.parameters()), lr=2e-4)


class AdvLoss:
    def __init__(self):
        self.bce = nn.BCELoss(reduction="mean")

    def __call__(self, y_hat, label):
        y_true = torch.full(y_hat.size(), label)
        return self.bce(y_hat, y_true)


adv = AdvLoss()
opt_dis.zero_grad()
loss_real = adv(dhead(dis(torch.rand(5, 6))), REAL)
loss_real.backward()
opt_dis.step()
