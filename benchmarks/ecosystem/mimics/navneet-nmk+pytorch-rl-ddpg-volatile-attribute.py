# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/DDPG.py#L261
# family: removed-api
# expect: 20 23
# runtime: warns volatile was removed
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 2), nn.Tanh())
target_actor = nn.Sequential(nn.Linear(4, 2), nn.Tanh())
critic = nn.Linear(6, 1)
target_critic = nn.Linear(6, 1)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)
states, actions = torch.randn(8, 4), torch.rand(8, 2)
new_states, rewards, dones = torch.randn(8, 4), torch.randn(8), torch.zeros(8)

warnings.simplefilter("always")
new_action = target_actor(new_states)
new_action.volatile = True
next_q = target_critic(torch.cat([new_states, new_action], 1)).squeeze(1)
next_q = next_q * (1 - dones)
next_q.volatile = False
y = rewards + 0.99 * next_q
critic_optim.zero_grad()
outputs = critic(torch.cat([states, actions], 1)).squeeze(1)
loss = nn.MSELoss()(outputs, y)
loss.backward()
critic_optim.step()
# the flags did nothing: the TD target kept its graph and the target networks got gradients
assert target_critic.weight.grad is not None and target_actor[0].weight.grad is not None
