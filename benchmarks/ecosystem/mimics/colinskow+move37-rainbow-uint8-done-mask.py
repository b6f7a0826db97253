# report: https://github.com/colinskow/move37/blob/f57afca9d15ce0233b27b2b0d6508b99b46d4c7f/rainbow_dqn/rainbow_dqn.py#L37
# family: removed-api
# expect: 22
# runtime: raises RuntimeError: only supports boolean masks
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
B = 4
net = nn.Linear(6, 3)
tgt_net = nn.Linear(6, 3)
states_v = torch.randn(B, 6)
next_states_v = torch.randn(B, 6)
actions_v = torch.tensor([0, 2, 1, 1])
dones = np.array([0, 1, 0, 1], dtype=np.uint8)
done_mask = torch.ByteTensor(dones)
weights_v = torch.ones(B)
state_action_values = net(states_v).gather(1, actions_v.unsqueeze(-1)).squeeze(-1)
next_state_actions = net(next_states_v).max(1)[1]
next_state_values = tgt_net(next_states_v).gather(1, next_state_actions.unsqueeze(-1)).squeeze(-1)
next_state_values[done_mask] = 0.0
expected = next_state_values.detach() * 0.99 + torch.randn(B)
losses_v = weights_v * (state_action_values - expected) ** 2
losses_v.mean().backward()
