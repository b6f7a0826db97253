# report: https://github.com/PacktPublishing/Deep-Reinforcement-Learning-Hands-On/blob/10cd8978ac4cc29f599b70edcf83025f02c4b22e/Chapter06/02_dqn_pong.py#L98
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: only supports boolean masks
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
GAMMA = 0.99
net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
tgt_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
states = np.random.randn(5, 4).astype(np.float32)
next_states = np.random.randn(5, 4).astype(np.float32)
actions = np.array([0, 1, 1, 0, 1])
rewards = np.random.randn(5).astype(np.float32)
dones = np.array([0, 0, 1, 0, 1], dtype=np.uint8)

actions_v = torch.tensor(actions)
done_mask = torch.ByteTensor(dones)  # uint8 mask, as in torch 0.4
state_action_values = net(torch.tensor(states)).gather(1, actions_v.unsqueeze(-1)).squeeze(-1)
next_state_values = tgt_net(torch.tensor(next_states)).max(1)[0]
next_state_values[done_mask] = 0.0
next_state_values = next_state_values.detach()
expected = next_state_values * GAMMA + torch.tensor(rewards)
loss = nn.MSELoss()(state_action_values, expected)
loss.backward()
