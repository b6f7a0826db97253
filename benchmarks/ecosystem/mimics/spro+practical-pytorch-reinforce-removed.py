# report: https://github.com/spro/practical-pytorch/blob/c520c52e68e945d88fff563dba1c028b6ec0197b/reinforce-gridworld/reinforce-gridworld.py#L244
# family: removed-api
# expect: 16
# runtime: raises RuntimeError: reinforce() was removed
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(6, 5)
x = net(torch.randn(1, 6))
scores, value = x[:, :4], x[:, 4]
action = F.softmax(scores, dim=1).multinomial(1)
reward = torch.tensor(1.0)
reward_diff = reward - value.data[0]
action.reinforce(reward_diff)
