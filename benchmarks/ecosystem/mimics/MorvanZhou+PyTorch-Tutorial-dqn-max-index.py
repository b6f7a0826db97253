# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents-notebooks/405_DQN_Reinforcement_learning.ipynb
# family: removed-api
# expect: 18
# runtime: raises IndexError: too many indices for array
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
eval_net = nn.Sequential(nn.Linear(4, 10), nn.ReLU(), nn.Linear(10, 2))


def choose_action(s):
    x = Variable(torch.unsqueeze(torch.FloatTensor(s), 0))
    actions_value = eval_net.forward(x)
    # max(1) keeps no dimension since 0.2: the indices are (1,), not (1, 1)
    action = torch.max(actions_value, 1)[1].data.numpy()[0, 0]
    return action


choose_action(np.zeros(4, dtype=np.float32))
