# report: https://github.com/Kaixhin/imitation-learning/blob/28d2f5bb709e1fb0f48750ea9d1b88ff87d06388/training.py#L125
# family: grad-missing
# expect: 34
# runtime: raises RuntimeError: appears to not have been used in the graph
import torch
import torch.nn as nn
from torch import autograd

torch.manual_seed(0)
state_only = True  # README: imitation.state_only: true/false
g = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
opt = torch.optim.Adam(g.parameters(), lr=3e-4)


def discriminator(state, action):
    x = state if state_only else torch.cat([state, action], 1)
    return g(x).squeeze(1)


def mix(x_1, x_2, eps):
    m = eps.unsqueeze(1) if x_1.ndim == 2 else eps
    return m * x_1 + (1 - m) * x_2


B = 8
expert_state, state = torch.randn(B, 3), torch.randn(B, 3)
expert_action, action = torch.rand(B, 2) * 2 - 1, torch.rand(B, 2) * 2 - 1
eps = torch.rand(B)
mix_state, mix_action = mix(expert_state, state, eps), mix(expert_action, action, eps)
mix_state.requires_grad_()
mix_action.requires_grad_()
opt.zero_grad()
D_mix = discriminator(mix_state, mix_action)
grads = autograd.grad(D_mix, (mix_state, mix_action), torch.ones_like(D_mix), create_graph=True)
loss = sum(gr.norm(2, dim=1) ** 2 for gr in grads).mean()
loss.backward()
opt.step()
