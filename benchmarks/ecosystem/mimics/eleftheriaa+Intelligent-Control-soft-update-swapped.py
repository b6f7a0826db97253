# report: https://github.com/eleftheriaa/Intelligent-Control/blob/f2bfa918f82b8bd0c9dd69d7026a51ed89774ed8/sac/LossesAndUpdates.py#L60
# family: detach-alias
# expect: 29
# runtime: asserts soft_update(critic_targets, critics, tau) writes through .data into the online critic, pulling the just-stepped critic back toward its target
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F


def soft_update(critics, critic_targets, tau):
    for param, target_param in zip(critics.parameters(), critic_targets.parameters()):
        target_param.data.copy_(tau * param.data + (1 - tau) * target_param.data)


torch.manual_seed(0)
critic = nn.Linear(6, 1)
critic_target = copy.deepcopy(critic)
with torch.no_grad():
    for p in critic_target.parameters():
        p.add_(1.0)  # the target lags behind the online critic
opt = torch.optim.Adam(critic.parameters(), lr=1e-2)
x, y = torch.randn(8, 6), torch.randn(8, 1)
loss = F.mse_loss(critic(x), y)
opt.zero_grad(); loss.backward(); opt.step()
stepped = critic.weight.detach().clone()
target_before = critic_target.weight.detach().clone()
tau = 0.005
soft_update(critic_target, critic, tau)  # arguments swapped: source=target, destination=online
assert not torch.equal(critic.weight.detach(), stepped)
assert torch.allclose(critic.weight.detach(), tau * target_before + (1 - tau) * stepped)
assert torch.equal(critic_target.weight.detach(), target_before)
