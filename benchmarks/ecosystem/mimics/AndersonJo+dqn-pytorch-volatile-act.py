# report: https://github.com/AndersonJo/dqn-pytorch/blob/03c6af71f087e7764d58b27362657494a2fc99f0/dqn.py#L328
# family: removed-api
# expect: 17
# runtime: asserts setting .volatile on the state Variable is ignored: every greedy action selection records the autograd graph through the DQN
import warnings

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
dqn = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 2))
states = np.random.rand(1, 8).astype(np.float32)
states_variable = Variable(torch.FloatTensor(states))
states_variable.volatile = True
q = dqn(states_variable)
action = q.data.cpu().max(1)[1]
assert q.requires_grad and q.grad_fn is not None
