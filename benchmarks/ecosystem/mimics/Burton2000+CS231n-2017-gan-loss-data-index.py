# report: https://github.com/Burton2000/CS231n-2017/blob/0a0bd0194d9d4606dc864272823c21dba7b0e0f9/assignment3/GANs-PyTorch.ipynb
# family: removed-api
# expect: 37
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
D = nn.Sequential(nn.Linear(16, 8), nn.LeakyReLU(0.01, inplace=True), nn.Linear(8, 1))
G = nn.Sequential(nn.Linear(4, 8), nn.ReLU(inplace=True), nn.Linear(8, 16), nn.Tanh())
D_solver = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.5, 0.999))
G_solver = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.5, 0.999))


def bce(logits, target):
    return (logits.clamp(min=0) - logits * target + (1 + (-logits.abs()).exp()).log()).mean()


x = torch.rand(6, 16)
D_solver.zero_grad()
logits_real = D(2 * (Variable(x) - 0.5))
fake = G(torch.rand(6, 4) * 2 - 1).detach()
logits_fake = D(fake)
d_total_error = bce(logits_real, torch.ones(6, 1)) + bce(logits_fake, torch.zeros(6, 1))
d_total_error.backward()
D_solver.step()

G_solver.zero_grad()
fake = G(torch.rand(6, 4) * 2 - 1)
g_error = bce(D(fake), torch.ones(6, 1))
g_error.backward()
G_solver.step()

iter_count, show_every = 0, 250
if iter_count % show_every == 0:
    print("Iter: {}, D: {:.4}, G:{:.4}".format(iter_count, d_total_error.data[0], g_error.data[0]))
