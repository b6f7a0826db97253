# report: https://github.com/sweetice/Deep-reinforcement-learning-with-pytorch/blob/7b9fac7e5e40ffdc6f7ccb8b0a81e7841370a996/Char03%20Actor-Critic/AC_MountainCar-v0.py#L108
# family: grad-missing
# expect: 33
# runtime: asserts the value head gets no gradient: the summed loss adds the policy loss twice and drops the value loss
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

torch.manual_seed(0)
trunk = nn.Linear(2, 16)
action_head = nn.Linear(16, 3)
value_head = nn.Linear(16, 1)
params = list(trunk.parameters()) + list(action_head.parameters()) + list(value_head.parameters())
opt = torch.optim.Adam(params, lr=1e-2)

saved = []
for _ in range(4):
    h = F.relu(trunk(torch.randn(2)))
    dist = Categorical(F.softmax(action_head(h), dim=-1))
    action = dist.sample()
    saved.append((dist.log_prob(action), value_head(h)))

returns = torch.tensor([1.0, 0.5, -0.5, -1.0])
policy_terms = []
value_terms = []
for (log_prob, value), ret in zip(saved, returns):
    advantage = ret - value.item()
    policy_terms.append(-log_prob * advantage)
    value_terms.append(F.smooth_l1_loss(value, ret.view(1)))

opt.zero_grad()
loss = torch.stack(policy_terms).sum() + torch.stack(policy_terms).sum()
loss.backward()
opt.step()

assert value_head.weight.grad is None and value_head.bias.grad is None
