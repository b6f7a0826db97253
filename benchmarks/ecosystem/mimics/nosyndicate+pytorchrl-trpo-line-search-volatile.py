# report: https://github.com/nosyndicate/pytorchrl/blob/c4fb69ffebaa7f56b4210388f9eea7d42ca853e4/pytorchrl/algos/trpo.py#L426
# family: removed-api
# expect: 25
# runtime: asserts setting obs_var.volatile = True does nothing: every line-search evaluation still records a graph through the policy
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
obs_var = Variable(torch.randn(16, 3))
action_var, adv_var = Variable(torch.randn(16, 2)), Variable(torch.randn(16))
with torch.no_grad():
    old_means = policy(obs_var)
step_size = 0.01
graphs = []


def barrier_func(x):
    torch.nn.utils.vector_to_parameters(x, policy.parameters())
    # This full inference mode, we do not need gradient
    obs_var.volatile = True
    means = policy(obs_var)
    ratio = torch.exp(-((action_var - means) ** 2).sum(-1) / 2 + ((action_var - old_means) ** 2).sum(-1) / 2)
    surr_loss = -(ratio * adv_var).mean()
    kl_div = ((means - old_means) ** 2 / 2).sum(-1).mean()
    graphs.append(surr_loss)
    return surr_loss.item() + 1e100 * max(kl_div.item() - step_size, 0.0)


x0 = torch.nn.utils.parameters_to_vector(policy.parameters()).detach()
for ratio in 0.8 ** torch.arange(3.0):
    barrier_func(x0 - ratio * 1e-3 * torch.ones_like(x0))
assert not obs_var.volatile
assert all(g.requires_grad and g.grad_fn is not None for g in graphs)  # inference built graphs anyway
