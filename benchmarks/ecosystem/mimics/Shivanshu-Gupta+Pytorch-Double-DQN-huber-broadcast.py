# report: https://github.com/Shivanshu-Gupta/Pytorch-Double-DQN/blob/1cff44d95d7881c6afc029b734508b1a705dfe14/agent.py#L108
# family: removed-api
# expect: 22
# runtime: asserts the (B,1) Q(s,a) from gather and the (B,) target broadcast to (B,B) in smooth_l1_loss, so every Q(s,a) is regressed on every sample's target
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.simplefilter("ignore")
torch.manual_seed(0)
qnet = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
batch_size = 8
state = torch.randn(batch_size, 6)
action = torch.randint(0, 3, (batch_size, 1))
reward = torch.randn(batch_size)
V_next_state = torch.rand(batch_size)

Q_state_action = qnet(state).gather(1, action)
target_Q_state_action = reward + 0.99 * V_next_state
loss = F.smooth_l1_loss(Q_state_action, target_Q_state_action)

intended = F.smooth_l1_loss(Q_state_action.squeeze(1), target_Q_state_action)
assert (Q_state_action - target_Q_state_action).shape == (batch_size, batch_size)
assert not torch.allclose(loss, intended)
