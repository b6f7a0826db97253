# report: https://github.com/8Gitbrix/DQN/blob/3d5572b887e0e968814726a7825683a230857c07/dqn.py#L68
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
Q = nn.Sequential(nn.Conv2d(4, 8, 4, stride=2), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 7 * 7, 3))


def e_greedy(state):
    # batch padding with a zero frame, as in the original
    state = torch.cat((Variable(state, volatile=True), torch.zeros(state.size())), 0)
    qvalues = Q(state)
    maxq, actions = torch.max(qvalues, 1)
    return actions[0].data[0]


action = e_greedy(torch.rand(1, 4, 16, 16))
