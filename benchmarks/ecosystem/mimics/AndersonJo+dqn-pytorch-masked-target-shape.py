# report: https://github.com/AndersonJo/dqn-pytorch/blob/03c6af71f087e7764d58b27362657494a2fc99f0/dqn.py#L507
# family: removed-api
# expect: 28
# runtime: raises RuntimeError: shape mismatch
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
B = 4
dqn = nn.Linear(6, 2)
target = nn.Linear(6, 2)
next_states = [torch.randn(1, 6), None, torch.randn(1, 6), torch.randn(1, 6)]
non_final_mask = torch.ByteTensor([int(ns is not None) for ns in next_states])
final_mask = 1 - non_final_mask
state_batch = Variable(torch.randn(B, 6))
action_batch = Variable(torch.LongTensor([[0], [1], [1], [0]]))
reward_batch = Variable(torch.cat([torch.FloatTensor([r]) for r in (1.0, -1.0, 0.0, 1.0)]))  # (B,)
non_final_next = Variable(torch.cat([ns for ns in next_states if ns is not None]))

q_values = dqn(state_batch).gather(1, action_batch)
target_values = Variable(torch.zeros(B, 1))
target_pred = target(non_final_next)
target_values[non_final_mask] = reward_batch[non_final_mask] + target_pred.max(1)[0] * 0.99
target_values[final_mask] = reward_batch[final_mask].detach()
loss = F.smooth_l1_loss(q_values, target_values)
