# report: https://github.com/pytorch/pytorch/issues/8287
# family: grad-missing
# expect: none
# runtime: runs: the stage boundary is cut with detach().requires_grad_() and its grad is fed back by hand
import torch
import torch.nn as nn

torch.manual_seed(0)
device = torch.device("cpu")
x = torch.randn(2, 2, requires_grad=True, device=device)
t = torch.randn(2, 2, device=device)
loss_func = nn.MSELoss()
l1 = nn.Sequential(*[nn.Linear(2, 2) for _ in range(3)]).to(device)
l2 = nn.Sequential(*[nn.Linear(2, 2) for _ in range(3)]).to(device)

h1 = l1(x)
h2 = h1.detach().requires_grad_()
h3 = l2(h2)
loss = loss_func(h3, t)
loss.backward()
h1.backward(gradient=h2.grad)
assert h2.grad is not None and x.grad is not None
assert l1[0].weight.grad is not None
