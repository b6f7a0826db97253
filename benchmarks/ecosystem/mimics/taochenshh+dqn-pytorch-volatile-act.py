# report: https://github.com/taochenshh/dqn-pytorch/blob/74939f379d69480200c57be9be86cd495a00c9f8/main.py#L345
# family: removed-api
# expect: 16
# runtime: asserts volatile=True is ignored: each get_q_values call (every env step, training and evaluation) records the autograd graph through the Q network
import warnings

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
q_net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
ob = np.random.rand(4).astype(np.float32)
ob = Variable(torch.from_numpy(np.expand_dims(ob, axis=0)), volatile=True).float()
q_val = q_net(ob)
max_val, act = torch.max(q_val, dim=-1)
assert q_val.requires_grad and q_val.grad_fn is not None
