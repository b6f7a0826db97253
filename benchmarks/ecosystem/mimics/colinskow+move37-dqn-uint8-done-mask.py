# report: https://github.com/colinskow/move37/blob/f57afca9d15ce0233b27b2b0d6508b99b46d4c7f/dqn/dqn_basic.py#L101
# family: removed-api
# expect: 19
# runtime: raises RuntimeError: only supports boolean masks
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
B = 5
net = nn.Linear(6, 3)
tgt_net = nn.Linear(6, 3)
dones = np.array([False, True, False, False, True], dtype=np.uint8)
states_v = torch.randn(B, 6)
actions_v = torch.tensor([0, 2, 1, 1, 0])
done_mask = torch.ByteTensor(dones)
state_action_values = net(states_v).gather(1, actions_v.unsqueeze(-1)).squeeze(-1)
next_state_values = tgt_net(torch.randn(B, 6)).max(1)[0]
next_state_values[done_mask] = 0.0
next_state_values = next_state_values.detach()
expected = next_state_values * 0.99 + torch.randn(B)
loss = nn.MSELoss()(state_action_values, expected)
loss.backward()
