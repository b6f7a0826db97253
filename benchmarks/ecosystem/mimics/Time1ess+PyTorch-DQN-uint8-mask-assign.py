# report: https://github.com/Time1ess/PyTorch-DQN/blob/ab69359568e43b563088e4a110143cb5266b6259/model.py#L163
# family: removed-api
# expect: 19
# runtime: raises RuntimeError: only supports boolean masks
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
B = 6
target_dqn = nn.Linear(8, 4)
finals = np.zeros(B, dtype=np.uint8)  # replay memory keeps done flags as uint8
finals[2] = 1
game_over_mask = torch.from_numpy(finals)
rewards = torch.randn(B)
with torch.no_grad():
    next_rewards = target_dqn(torch.randn(B, 8)).max(1)[0]
# zero the bootstrap of terminal transitions with the uint8 mask
next_rewards[game_over_mask] = 0
target_rewards = (rewards + 0.99 * next_rewards).view(-1, 1)
