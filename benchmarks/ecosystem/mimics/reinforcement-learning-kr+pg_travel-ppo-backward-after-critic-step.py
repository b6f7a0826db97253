# report: https://github.com/reinforcement-learning-kr/pg_travel/blob/c61a11e57e340e2e5c4db85eb34185ec1c0faa97/mujoco/agent/ppo_gae.py#L343
# family: optimizer-misuse
# expect: 33 36
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))
critic = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
actor_optim = torch.optim.Adam(actor.parameters(), lr=1e-3)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)

states = torch.randn(16, 4)
actions = torch.randn(16, 2)
advants = torch.randn(16, 1)
returns = torch.randn(16, 1)
old_logp = -(actions - actor(states)).pow(2).sum(1, keepdim=True).detach()

# one PPO minibatch: a single combined loss for both networks
mu = actor(states)
logp = -(actions - mu).pow(2).sum(1, keepdim=True)
ratio = torch.exp(logp - old_logp)
surr = ratio * advants
clipped = torch.clamp(ratio, 0.9, 1.1) * advants
actor_loss = -torch.min(surr, clipped).mean()
values = critic(states)
critic_loss = (values - returns).pow(2).mean()
loss = actor_loss + 0.5 * critic_loss

critic_optim.zero_grad()
loss.backward(retain_graph=True)
critic_optim.step()  # updates the critic weights in place, weights the graph saved

actor_optim.zero_grad()
loss.backward()  # the second pass goes back through the critic branch too
actor_optim.step()
