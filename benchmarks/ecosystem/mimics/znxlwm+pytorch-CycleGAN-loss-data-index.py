# report: https://github.com/znxlwm/pytorch-CycleGAN/blob/4ed4d182d19dd3930f670be61c9b5b2de73dc58b/pytorch_cycleGAN.py#L169
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import itertools
import torch
import torch.nn as nn

torch.manual_seed(0)
G_A = nn.Conv2d(3, 3, 1)
G_B = nn.Conv2d(3, 3, 1)
D_A = nn.Conv2d(3, 1, 2)
MSE_loss = nn.MSELoss()
L1_loss = nn.L1Loss()
G_optimizer = torch.optim.Adam(itertools.chain(G_A.parameters(), G_B.parameters()), lr=2e-4)
train_hist = {'G_A_losses': []}
realA = torch.randn(1, 3, 4, 4)
G_optimizer.zero_grad()
fakeB = G_A(realA)
G_A_loss = MSE_loss(D_A(fakeB), torch.ones(1, 1, 3, 3))
(G_A_loss + L1_loss(G_B(fakeB), realA) * 10).backward()
G_optimizer.step()
train_hist['G_A_losses'].append(G_A_loss.data[0])
