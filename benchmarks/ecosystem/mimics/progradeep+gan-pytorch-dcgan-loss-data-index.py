# report: https://github.com/progradeep/gan-pytorch/blob/178bdb0c4e0e4227a66854a1466ce5897a2042bb/DCGAN/trainer.py#L127
# family: removed-api
# expect: 33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 8), nn.Tanh())
D = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid(), nn.Flatten(0))
bce = nn.BCELoss()
opt_d = optim.Adam(D.parameters(), lr=1e-3)
opt_g = optim.Adam(G.parameters(), lr=1e-3)
real = torch.rand(6, 8)
ones, zeros = torch.ones(6), torch.zeros(6)

for step in range(2):
    D.zero_grad()
    err_real = bce(D(Variable(real)), ones)
    err_real.backward()
    fake = G(Variable(torch.randn(6, 4)))
    err_fake = bce(D(fake.detach()), zeros)
    err_fake.backward()
    err_d = err_real + err_fake
    opt_d.step()
    G.zero_grad()
    err_g = bce(D(fake), ones)
    err_g.backward()
    opt_g.step()
    print("Loss_D: %.4f Loss_G: %.4f"
          % (err_d.data[0], err_g.data[0]))
