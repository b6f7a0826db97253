# report: https://github.com/Adenialzz/SimpleImageGeneration/blob/08359153d5d24d70dc912c93137ba8a0d02e1873/diffusion/demo_diffusion/utils.py#L8
# family: graph-kept
# expect: 26
# runtime: asserts p_sample_loop runs outside no_grad and carries cur_x from step to step: every sample in x_seq holds the autograd graph of all previous denoising steps
import torch
import torch.nn as nn

torch.manual_seed(0)
n_steps = 20
betas = torch.sigmoid(torch.linspace(-6, 6, n_steps)) * (0.5e-2 - 1e-5) + 1e-5
one_minus_alphas_bar_sqrt = torch.sqrt(1 - torch.cumprod(1 - betas, 0))
model = nn.Sequential(nn.Linear(3, 32), nn.ReLU(), nn.Linear(32, 2))


def p_sample(x, t):
    t = torch.tensor([t])
    coeff = betas[t] / one_minus_alphas_bar_sqrt[t]
    eps_theta = model(torch.cat([x, t.float().expand(x.shape[0], 1)], 1))
    mean = (1 / (1 - betas[t]).sqrt()) * (x - coeff * eps_theta)
    return mean + betas[t].sqrt() * torch.randn_like(x)


cur_x = torch.randn(50, 2)
x_seq = [cur_x]
for i in reversed(range(n_steps)):
    cur_x = p_sample(cur_x, i)
    x_seq.append(cur_x)

assert all(x.grad_fn is not None for x in x_seq[1:])
g = torch.autograd.grad(x_seq[-1].sum(), model[0].weight)[0]  # the whole chain is still alive
assert g.abs().sum() > 0
