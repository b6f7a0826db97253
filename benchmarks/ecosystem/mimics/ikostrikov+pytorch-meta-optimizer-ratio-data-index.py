# report: https://github.com/ikostrikov/pytorch-meta-optimizer/blob/0154d4d4fc856163885a62bac06174311aa58caf/main.py#L127
# family: removed-api
# expect: 36,37
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
# a learned optimizer: per-coordinate forget/input gates from (grad, param)
gates = nn.Linear(2, 2)
meta_opt = torch.optim.Adam(gates.parameters(), lr=1e-3)
x = torch.randn(16, 5)
y = torch.randint(0, 3, (16,))

decrease_in_loss = 0.0
final_loss = 0.0
w0 = torch.randn(5, 3) * 0.1
initial_loss = F.cross_entropy(x @ w0, y)
w = w0.clone().requires_grad_()
loss_sum = 0
flat = w.view(-1)
for step in range(3):
    inner = F.cross_entropy(x @ w, y)
    g, = torch.autograd.grad(inner, w)
    f, i = torch.sigmoid(gates(torch.stack([g.view(-1), flat.detach()], 1))).split(1, 1)
    flat = f.squeeze(1) * flat - i.squeeze(1) * g.view(-1)
    loss = F.cross_entropy(x @ flat.view(5, 3), y)
    loss_sum = loss_sum + loss
    w = flat.view(5, 3).detach().requires_grad_()
meta_opt.zero_grad()
loss_sum.backward()
meta_opt.step()

# the losses are 0-dim now; indexing them as in torch 0.3 fails
decrease_in_loss += loss.data[0] / initial_loss.data[0]
final_loss += loss.data[0]
print(decrease_in_loss, final_loss)
