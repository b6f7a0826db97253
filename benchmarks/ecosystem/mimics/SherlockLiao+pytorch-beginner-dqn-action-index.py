# report: https://github.com/SherlockLiao/pytorch-beginner/blob/3c48d7eae315d4b01ef36eab711efcd528a87744/10-Deep%20Q%20learning/reinforcement%20learning.py#L144
# family: removed-api
# expect: 15
# runtime: raises IndexError: too many indices for tensor of dimension 1
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))


def select_action(state):
    # max(1) keeps no dimension since 0.2: the action is (1,), not (1, 1)
    return model(Variable(state)).data.max(1)[1]


action = select_action(torch.randn(1, 3))
step_arg = action[0, 0]
