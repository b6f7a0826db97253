# report: https://github.com/omniscientoctopus/Physics-Informed-Neural-Networks/blob/7d26e55cc665b79b652b226860177fa4defe9190/PyTorch/Burgers'%20Equation/Burgers.ipynb
# family: non-scalar-backward
# expect: 21
# runtime: asserts the PDE residual uses a wrong u_xx: autograd.grad of the two-column [u_x, u_t] with an all-ones grad_outputs returns d(u_x + u_t)/dx = u_xx + u_tx, not u_xx
import math

import torch
import torch.autograd as autograd
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
nu = 0.01 / math.pi
x_to_train_f = torch.rand(32, 2) * 2 - 1

g = x_to_train_f.clone()
g.requires_grad = True
u = net(g)
u_x_t = autograd.grad(u, g, torch.ones([x_to_train_f.shape[0], 1]), retain_graph=True, create_graph=True)[0]
u_xx_tt = autograd.grad(u_x_t, g, torch.ones(x_to_train_f.shape), create_graph=True)[0]
u_x, u_t, u_xx = u_x_t[:, [0]], u_x_t[:, [1]], u_xx_tt[:, [0]]
f = u_t + net(g) * u_x - nu * u_xx
loss_f = nn.functional.mse_loss(f, torch.zeros_like(f))
optimizer.zero_grad()
loss_f.backward()
optimizer.step()

# the true second derivative: differentiate the u_x column alone
u = net(g)
u_x_t = autograd.grad(u, g, torch.ones_like(u), create_graph=True)[0]
true_u_xx = autograd.grad(u_x_t[:, [0]], g, torch.ones_like(u), retain_graph=True)[0][:, [0]]
u_tx = autograd.grad(u_x_t[:, [1]], g, torch.ones_like(u))[0][:, [0]]
mixed = autograd.grad(autograd.grad(net(g).sum(), g, create_graph=True)[0].sum(), g)[0][:, [0]]
assert not torch.allclose(mixed, true_u_xx, atol=1e-6)
assert torch.allclose(mixed, true_u_xx + u_tx, atol=1e-5)
