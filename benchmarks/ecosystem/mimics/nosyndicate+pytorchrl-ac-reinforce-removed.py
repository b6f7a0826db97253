# report: https://github.com/nosyndicate/pytorchrl/blob/c4fb69ffebaa7f56b4210388f9eea7d42ca853e4/tutorial_code/actor_critic.py#L74
# family: removed-api
# expect: 34
# runtime: raises RuntimeError: reinforce() was removed
from collections import namedtuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
SavedAction = namedtuple("SavedAction", ["action", "value"])
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(model.parameters(), lr=3e-2)
saved_actions, rewards_seen = [], []

for t in range(3):
    out = model(Variable(torch.randn(1, 4)))
    probs, state_value = F.softmax(out[:, :2], dim=1), out[:, 2:]
    action = probs.multinomial(1)  # the num_samples crash (l.57) fixed
    saved_actions.append(SavedAction(action, state_value))
    rewards_seen.append(1.0)

R, returns = 0, []
for r in rewards_seen[::-1]:
    R = r + 0.99 * R
    returns.insert(0, R)
returns = torch.Tensor(returns)
returns = (returns - returns.mean()) / (returns.std() + 1e-6)
value_loss = 0
for (action, value), r in zip(saved_actions, returns):
    reward = r - value.data[0, 0]
    action.reinforce(reward)
    value_loss += F.smooth_l1_loss(value, Variable(torch.Tensor([[r]])))
optimizer.zero_grad()
value_loss.backward()
optimizer.step()
