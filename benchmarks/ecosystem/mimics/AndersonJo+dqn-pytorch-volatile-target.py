# report: https://github.com/AndersonJo/dqn-pytorch/blob/03c6af71f087e7764d58b27362657494a2fc99f0/dqn.py#L478
# family: removed-api
# expect: 24
# runtime: asserts volatile set on the next-state batch is ignored: the target network's graph reaches the loss and backward() sends gradients into the target copy
import copy
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
B = 4
dqn = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 2))
target = copy.deepcopy(dqn)
optimizer = torch.optim.Adam(dqn.parameters(), lr=1e-4)
non_final_mask = torch.tensor([True, False, True, True])  # the masked-assignment crash (l.507) fixed
state_batch = Variable(torch.randn(B, 6))
action_batch = Variable(torch.LongTensor([[0], [1], [1], [0]]))
reward_batch = Variable(torch.randn(B))
non_final_next_state_batch = Variable(torch.randn(3, 6))
non_final_next_state_batch.volatile = True

non_final_next_state_batch = non_final_next_state_batch.view(-1, 6)
q_values = dqn(state_batch).gather(1, action_batch)
target_values = Variable(torch.zeros(B, 1))
target_pred = target(non_final_next_state_batch)
target_values[non_final_mask] = (reward_batch[non_final_mask] + target_pred.max(1)[0] * 0.99).unsqueeze(1)
target_values[~non_final_mask] = reward_batch[~non_final_mask].detach().unsqueeze(1)
loss = F.smooth_l1_loss(q_values, target_values)
optimizer.zero_grad()
loss.backward()
optimizer.step()

assert target_values.requires_grad
assert target[0].weight.grad is not None  # gradients flowed into the target network
