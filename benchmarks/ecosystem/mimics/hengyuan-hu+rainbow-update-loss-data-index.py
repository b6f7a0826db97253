# report: https://github.com/hengyuan-hu/rainbow/blob/192fcd105909ed9d86448e59c3afc92f7a1fd342/train.py#L24
# family: removed-api
# expect: 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import copy

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
online = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
target = copy.deepcopy(online)
optim = torch.optim.Adam(online.parameters(), lr=6.25e-5, eps=1.5e-4)


def update_agent(states, actions, rewards, next_states, non_ends, gamma=0.99):
    next_qs = target(Variable(next_states, volatile=True)).data.max(1)[0]
    targets = rewards + gamma * next_qs * non_ends
    one_hot = torch.zeros(states.size(0), 3).scatter_(1, actions.unsqueeze(1), 1)
    states, one_hot, targets = Variable(states), Variable(one_hot), Variable(targets)
    qs = online(states)
    preds = (qs * one_hot).sum(1)
    loss = nn.functional.smooth_l1_loss(preds, targets)
    loss.backward()
    optim.step()
    optim.zero_grad()
    return loss.data[0]


print(update_agent(torch.randn(4, 6), torch.tensor([0, 2, 1, 1]), torch.randn(4), torch.randn(4, 6), torch.ones(4)))
