# report: https://github.com/dongminlee94/Samsung-DRL-Code/blob/c96f8739a09cfd708c265954ee8ecf0ea3b67395/4_TRPO_PPO/ppo/train.py#L90
# family: gan-step
# expect: 38,41
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
from torch.distributions import Normal

torch.manual_seed(500)
actor_body = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
critic = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
actor_optimizer = torch.optim.Adam(actor_body.parameters(), lr=1e-3)
critic_optimizer = torch.optim.Adam(critic.parameters(), lr=1e-3)
criterion = nn.MSELoss()

states, actions, returns = torch.randn(8, 3), torch.randn(8, 1), torch.randn(8)
mu = actor_body(states)
old_policy = Normal(mu, torch.ones_like(mu)).log_prob(actions)

mini_batch_index = torch.LongTensor([1, 3, 5, 7])
states_samples, actions_samples = states[mini_batch_index], actions[mini_batch_index]
values_samples = critic(states_samples)
targets_samples = returns.unsqueeze(1)[mini_batch_index]
critic_loss = criterion(values_samples, targets_samples)

mu = actor_body(states_samples)
new_policy = Normal(mu, torch.ones_like(mu)).log_prob(actions_samples)
ratio = torch.exp(new_policy - old_policy.detach()[mini_batch_index])
advantages_samples = targets_samples - values_samples
actor_loss = ratio * advantages_samples
clipped_actor_loss = torch.clamp(ratio, 0.8, 1.2) * advantages_samples
actor_loss = -torch.min(actor_loss, clipped_actor_loss).mean()

loss = actor_loss + 0.5 * critic_loss

critic_optimizer.zero_grad()
loss.backward(retain_graph=True)
critic_optimizer.step()

actor_optimizer.zero_grad()
loss.backward()
actor_optimizer.step()
