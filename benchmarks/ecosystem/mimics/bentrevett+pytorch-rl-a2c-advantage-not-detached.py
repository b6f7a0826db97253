# report: https://github.com/bentrevett/pytorch-rl/blob/7f43f3df8042e687daaad728b07b7e35d4e27415/3_advantage_actor_critic.ipynb
# family: gan-step
# expect: 31
# runtime: asserts the critic also receives the policy-gradient term: the advantage (returns - values) is not detached before the actor loss
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
critic = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
states = torch.randn(6, 4)
log_probs, values = [], []
for s in states:
    dist = Categorical(F.softmax(actor(s.unsqueeze(0)), dim=-1))
    a = dist.sample()
    log_probs.append(dist.log_prob(a))
    values.append(critic(s.unsqueeze(0)).squeeze(0))
log_probs = torch.cat(log_probs)
values = torch.cat(values)
rewards = [1.0] * 6
R, returns = 0.0, []
for r in reversed(rewards):
    R = r + 0.99 * R
    returns.insert(0, R)
returns = torch.tensor(returns)
returns = (returns - returns.mean()) / returns.std()
advantages = returns - values
advantages = (advantages - advantages.mean()) / advantages.std()
policy_loss = -(advantages * log_probs).mean()
value_loss = F.smooth_l1_loss(returns.detach(), values)
loss = policy_loss + 0.5 * value_loss
critic.zero_grad()
loss.backward()
got = critic[0].weight.grad.clone()
# the critic gradient the loss should give: value loss only
expected = torch.autograd.grad(0.5 * F.smooth_l1_loss(returns, critic(states).squeeze(-1)), critic[0].weight)[0]
assert not torch.allclose(got, expected, atol=1e-6)
