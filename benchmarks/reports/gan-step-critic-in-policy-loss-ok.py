# report: https://github.com/astariul/encode-attend-navigate-pytorch/issues/2
# family: gan-step
# expect: none
# runtime: runs: the TD error is detached in the policy loss, so the critic learns from its own loss only
# twin: gan-step-critic-in-policy-loss.py
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
critic = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 1))
optimizer = torch.optim.Adam([*actor.parameters(), *critic.parameters()], lr=1e-3)

states, rewards = torch.randn(10, 6), torch.randn(10)
dist = Categorical(logits=actor(states))
actions = dist.sample()
predictions = critic(states).squeeze(1)
td_error = rewards - predictions
actor_loss = (td_error.detach() * dist.log_prob(actions)).mean()
critic_loss = td_error.pow(2).mean()
critic_own, = torch.autograd.grad(critic_loss, critic[0].weight, retain_graph=True)
optimizer.zero_grad()
(actor_loss + critic_loss).backward()
optimizer.step()
assert torch.allclose(critic[0].weight.grad, critic_own)
