# report: https://github.com/reinforcement-learning-kr/lets-do-irl/blob/2ce7496dddf95e9e9f418817150108bd66d65407/mujoco/gail/train_model.py#L88
# family: gan-step
# expect: 46,49
# runtime: raises RuntimeError: modified by an inplace operation
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 2))
critic = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
actor_optim = torch.optim.Adam(actor.parameters(), lr=3e-4)
critic_optim = torch.optim.Adam(critic.parameters(), lr=3e-4, weight_decay=1e-3)
criterion = nn.MSELoss()
clip_param = 0.2


def log_prob_density(x, mu, std):
    return (-(x - mu).pow(2) / (2 * std.pow(2)) - 0.5 * math.log(2 * math.pi)).sum(1, keepdim=True)


states, actions = torch.randn(8, 3), torch.randn(8, 2)
returns, advants = torch.randn(8, 1), torch.randn(8, 1)
old_values = critic(states)
mu = actor(states)
old_policy = log_prob_density(actions, mu, torch.ones_like(mu))

batch_index = torch.LongTensor([0, 2, 4, 6])
inputs = states[batch_index]
oldvalue_samples = old_values[batch_index].detach()
values = critic(inputs)
clipped_values = oldvalue_samples + torch.clamp(values - oldvalue_samples, -clip_param, clip_param)
critic_loss = torch.max(criterion(clipped_values, returns[batch_index]), criterion(values, returns[batch_index])).mean()

mu = actor(inputs)
new_policy = log_prob_density(actions[batch_index], mu, torch.ones_like(mu))
ratio = torch.exp(new_policy - old_policy.detach()[batch_index])
surr = ratio * advants[batch_index]
clipped_loss = torch.clamp(ratio, 1.0 - clip_param, 1.0 + clip_param) * advants[batch_index]
actor_loss = -torch.min(surr, clipped_loss).mean()
loss = actor_loss + 0.5 * critic_loss

critic_optim.zero_grad()
loss.backward(retain_graph=True)
critic_optim.step()  # rewrites the critic weights that `values` saved

actor_optim.zero_grad()
loss.backward()
actor_optim.step()
