# report: https://github.com/toshikwa/gail-airl-ppo.pytorch/issues/13
# family: inplace-view
# expect: none
# runtime: runs: the chunk is clamped out of place
# twin: inplace-view-chunk-log-std-clamp.py
import math

import torch
import torch.nn as nn

torch.manual_seed(0)


class StateDependentPolicy(nn.Module):
    def __init__(self, state_dim, action_dim, hidden=16):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(state_dim, hidden), nn.Tanh(), nn.Linear(hidden, 2 * action_dim)
        )

    def sample(self, states):
        means, log_stds = self.net(states).chunk(2, dim=-1)
        log_stds = log_stds.clamp(-20, 2)
        noises = torch.randn_like(means)
        us = means + noises * log_stds.exp()
        actions = torch.tanh(us)
        log_pis = (-0.5 * noises.pow(2) - log_stds - 0.5 * math.log(2 * math.pi)).sum(-1)
        log_pis -= torch.log(1 - actions.pow(2) + 1e-6).sum(-1)
        return actions, log_pis


actor = StateDependentPolicy(4, 2)
optimizer = torch.optim.Adam(actor.parameters(), lr=3e-4)
actions, log_pis = actor.sample(torch.randn(8, 4))
loss = (0.2 * log_pis - actions.sum(-1)).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert actor.net[2].weight.grad is not None
