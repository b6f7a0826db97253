# report: https://github.com/nosyndicate/pytorchrl/blob/c4fb69ffebaa7f56b4210388f9eea7d42ca853e4/pytorchrl/algos/trpo.py#L435
# family: removed-api
# expect: 31,32,47
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
log_std = torch.zeros(2)
obs, actions, adv = torch.randn(16, 3), torch.randn(16, 2), torch.randn(16)
with torch.no_grad():
    old_means = policy(obs)
step_size = 0.01


def surrogate_loss():
    means = policy(obs)
    logli_new = -((actions - means) ** 2).sum(-1) / 2
    logli_old = -((actions - old_means) ** 2).sum(-1) / 2
    return -(torch.exp(logli_new - logli_old) * adv).mean()


def kl_divergence():
    return ((policy(obs) - old_means) ** 2 / 2).sum(-1).mean()


def barrier_func(x):
    torch.nn.utils.vector_to_parameters(x, policy.parameters())
    surr, kl = surrogate_loss(), kl_divergence()
    constraint_part = max(kl.data[0] - step_size, 0.0)
    return surr.data[0] + 1e100 * constraint_part


surr_loss = surrogate_loss()
policy.zero_grad()
surr_loss.backward()
flat_grad = torch.cat([p.grad.view(-1) for p in policy.parameters()])
current = torch.nn.utils.parameters_to_vector(policy.parameters()).detach()
step = 0.01 * flat_grad


def line_search(f, x0, dx, y0):
    return x0 - dx if y0 - f(x0 - dx) > 0 else x0


new_parameters = line_search(barrier_func, current, step, y0=surr_loss.data[0])
