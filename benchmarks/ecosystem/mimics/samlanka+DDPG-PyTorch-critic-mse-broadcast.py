# report: https://github.com/samlanka/DDPG-PyTorch/blob/c0334c5a73abeaddc58933b63faaeabf678d8599/ddpg.py#L171
# family: removed-api
# expect: 24
# runtime: warns Using a target size
import torch
import torch.nn as nn

torch.manual_seed(0)
B = 8
critic = nn.Linear(4 + 2, 1)
target_critic = nn.Linear(4 + 2, 1)
mse = nn.MSELoss()
state_batch, action_batch = torch.randn(B, 4), torch.randn(B, 2)
next_state_batch, next_action_batch = torch.randn(B, 4), torch.randn(B, 2)
reward_batch = [float(r) for r in torch.randn(B)]
q_pred = critic(torch.cat([state_batch, action_batch], 1))  # (B, 1)
target = torch.FloatTensor(reward_batch)  # (B,)
non_final = 0.9 * torch.ones(B)
q_next = target_critic(torch.cat([next_state_batch, next_action_batch], 1))
target += non_final * q_next.squeeze().data
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)
critic_optim.zero_grad()
# (B, 1) against (B,) broadcasts into a (B, B) table of every pair
critic_loss = mse(q_pred, target)
critic_loss.backward()
paired = mse(q_pred.squeeze(1), target)
assert not torch.allclose(critic_loss, paired)
