# report: https://github.com/carpedm20/DiscoGAN-pytorch/blob/ab3b7dc66e636f6019e262931a35c5674f894db4/trainer.py#L247
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from itertools import chain

torch.manual_seed(0)
G_AB, G_BA = nn.Linear(2, 2), nn.Linear(2, 2)
D_A = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
D_B = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
mse = nn.MSELoss()
optimizer_d = torch.optim.Adam(chain(D_A.parameters(), D_B.parameters()), lr=2e-4)
optimizer_g = torch.optim.Adam(chain(G_AB.parameters(), G_BA.parameters()), lr=2e-4)
x_A, x_B = torch.randn(4, 2), torch.randn(4, 2)

D_A.zero_grad(); D_B.zero_grad()
x_AB, x_BA = G_AB(x_A).detach(), G_BA(x_B).detach()
l_d = (0.5 * ((D_A(x_A) - 1) ** 2).mean() + 0.5 * (D_A(x_BA) ** 2).mean()
       + 0.5 * ((D_B(x_B) - 1) ** 2).mean() + 0.5 * (D_B(x_AB) ** 2).mean())
l_d.backward()
optimizer_d.step()

G_AB.zero_grad(); G_BA.zero_grad()
x_AB, x_BA = G_AB(x_A), G_BA(x_B)
l_g = 0.5 * ((D_A(x_BA) - 1) ** 2).mean() + 0.5 * ((D_B(x_AB) - 1) ** 2).mean() \
    + mse(G_BA(x_AB), x_A) + mse(G_AB(x_BA), x_B)
l_g.backward()
optimizer_g.step()
print("Loss_D: {:.4f} Loss_G: {:.4f}".format(l_d.data[0], l_g.data[0]))  # 0-dim losses
