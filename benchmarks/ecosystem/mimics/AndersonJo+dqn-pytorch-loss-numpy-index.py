# report: https://github.com/AndersonJo/dqn-pytorch/blob/03c6af71f087e7764d58b27362657494a2fc99f0/dqn.py#L403
# family: removed-api
# expect: 24
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
dqn = nn.Linear(6, 2)
optimizer = torch.optim.Adam(dqn.parameters(), lr=1e-4)


def optimize():
    loss = F.smooth_l1_loss(dqn(torch.randn(4, 6)).gather(1, torch.tensor([[0], [1], [1], [0]])), torch.randn(4, 1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.data.cpu().numpy()  # a 0-d array since 0.4


losses = []
loss = optimize()
losses.append(loss[0])
