# report: https://github.com/quantumiracle/Popular-RL-Algorithms/blob/3b814ea159f1fc0b521d6e0e699a7945f770f105/ppo_continuous.py#L210
# family: gan-step
# expect: 21
# runtime: asserts the PPO actor loss backpropagates into actor_old (its forward is not under no_grad/detach), whose .grad grows every actor step and is never zeroed
import torch
import torch.nn as nn
from torch.distributions import Normal

torch.manual_seed(0)
S, A, EPS = 3, 2, 1e-8
actor = nn.Linear(S, 2 * A)
actor_old = nn.Linear(S, 2 * A)
actor_old.load_state_dict(actor.state_dict())
actor_optimizer = torch.optim.Adam(actor.parameters(), lr=1e-4)

s, a, adv = torch.randn(16, S), torch.randn(16, A), torch.randn(16, 1)
grad_norms = []
for _ in range(3):
    mu, log_std = actor(s).chunk(2, dim=-1)
    pi = Normal(mu, torch.exp(log_std))
    mu_old, log_std_old = actor_old(s).chunk(2, dim=-1)
    oldpi = Normal(mu_old, torch.exp(log_std_old))
    ratio = torch.exp(pi.log_prob(a)) / (torch.exp(oldpi.log_prob(a)) + EPS)
    surr = ratio * adv
    aloss = -torch.mean(torch.min(surr, torch.clamp(ratio, 0.8, 1.2) * adv))
    actor_optimizer.zero_grad()
    aloss.backward()
    actor_optimizer.step()
    grad_norms.append(actor_old.weight.grad.norm().item())

assert grad_norms[0] > 0
assert grad_norms[1] != grad_norms[0] and grad_norms[2] != grad_norms[1]  # accumulating, never zeroed
