# report: https://github.com/PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook/blob/7ded3e1221cb1fa40bc97c626d0b53df3da80df4/Chapter08/chapter8/actor_critic_mountaincar.py#L29
# family: grad-missing
# expect: 20
# runtime: asserts the Normal policy is built from mu.data and sigma.data, so log_prob carries no graph and the actor heads never get a gradient; only the value head learns
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
fc = nn.Linear(2, 16)
mu_head = nn.Linear(16, 1)
sigma_head = nn.Linear(16, 1)
value_head = nn.Linear(16, 1)
params = [*fc.parameters(), *mu_head.parameters(), *sigma_head.parameters(), *value_head.parameters()]
optimizer = torch.optim.Adam(params, lr=3e-4)

x = F.relu(fc(torch.randn(2)))
mu = 2 * torch.tanh(mu_head(x))
sigma = F.softplus(sigma_head(x)) + 1e-5
dist = torch.distributions.Normal(mu.view(1, ).data, sigma.view(1, ).data)
value = value_head(x)
action = dist.sample()
log_prob = dist.log_prob(action[0])  # the numpy action of the book fixed to a tensor

Gt = torch.tensor(0.7)
advantage = Gt - value.item()
loss = -log_prob * advantage + F.smooth_l1_loss(value, Gt.view(1))
optimizer.zero_grad()
loss.backward()
optimizer.step()

assert value_head.weight.grad is not None
assert mu_head.weight.grad is None and sigma_head.weight.grad is None  # the actor is never trained
