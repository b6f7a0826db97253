# report: https://github.com/AndersonJo/dqn-pytorch/blob/03c6af71f087e7764d58b27362657494a2fc99f0/dqn.py#L521
# family: removed-api
# expect: 23
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
dqn = nn.Linear(6, 2)
optimizer = torch.optim.Adam(dqn.parameters(), lr=1e-4)


def optimize():
    reward_batch = Variable(torch.randn(4))
    q_pred = dqn(torch.randn(4, 6))
    loss = F.smooth_l1_loss(q_pred.gather(1, torch.tensor([[0], [1], [1], [0]])), torch.randn(4, 1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    q_mean = torch.sum(q_pred, 0).data.cpu().numpy()[0]  # sum over dim 0: (2,), fine
    reward_score = int(torch.sum(reward_batch).data.cpu().numpy()[0])  # full sum: 0-dim
    return loss.data.cpu().numpy(), reward_score, q_mean


losses = []
loss, reward_sum, q_mean = optimize()
losses.append(loss[0])
