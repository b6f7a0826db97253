# report: https://github.com/hungtuchen/pytorch-ddpg/blob/0bbaa69b714763083515e7e64343d4be9a6ed9a1/agents/ddpg_low_dim.py#L148
# family: removed-api
# expect: 23
# runtime: warns Using a target size
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B = 6
critic = nn.Linear(3 + 1, 1)
target_critic = nn.Linear(3 + 1, 1)
state_batch = torch.randn(B, 3)
action_batch = torch.randn(B).unsqueeze(1)
reward_batch = torch.randn(B)
next_state_batch = torch.randn(B, 3)
not_done_mask = torch.ones(B)
current_Q_values = critic(torch.cat((state_batch, action_batch), 1))  # (B, 1)
next_max_q = target_critic(torch.cat((next_state_batch, torch.randn(B, 1)), 1)).detach().max(1)[0]  # (B,) since 0.2
next_Q_values = not_done_mask * next_max_q
target_Q_values = reward_batch + (0.99 * next_Q_values)  # (B,)
# the Huber loss broadcasts (B, 1) against (B,) into a (B, B) table of every pair
critic_loss = F.smooth_l1_loss(current_Q_values, target_Q_values)
paired = F.smooth_l1_loss(current_Q_values.squeeze(1), target_Q_values)
assert not torch.allclose(critic_loss, paired)
