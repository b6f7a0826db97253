# report: https://discuss.pytorch.org/t/when-inplace-operation-are-allowed-and-when-not/169583/3
# family: inplace-saved-tensor
# expect: none
# runtime: runs: the in-place clamp hits the exponent, which exp() does not keep for backward
# twin: inplace-saved-tensor-exp-ratio-clamp.py
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
optimizer = torch.optim.Adam(policy.parameters(), lr=3e-4)


def ppo_loss(states, actions, old_logp, advantages, eps=0.2):
    logp = torch.log_softmax(policy(states), dim=-1)
    new_logp = logp.gather(1, actions[:, None]).squeeze(1)
    log_ratio = new_logp - old_logp
    ratio = log_ratio.exp()
    log_ratio.clamp_(math.log(1 - eps), math.log(1 + eps))
    clipped_ratio = log_ratio.exp()
    surr1 = ratio * advantages
    surr2 = clipped_ratio * advantages
    return -torch.min(surr1, surr2).mean()


states = torch.randn(8, 4)
actions = torch.randint(0, 3, (8,))
old_logp = torch.log(torch.full((8,), 1 / 3))
advantages = torch.randn(8)
for epoch in range(2):
    loss = ppo_loss(states, actions, old_logp, advantages)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert all(p.grad is not None for p in policy.parameters())
