# report: https://github.com/wyharveychen/CloserLookFewShot/blob/e03aca8a2d01c9b5861a5a816cd5d3fdfc47cd45/methods/maml.py#L84
# family: removed-api
# expect: 29
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(6, 3)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters())
x_a, y_a = torch.randn(6, 6), torch.arange(3).repeat_interleave(2)
x_b, y_b = torch.randn(6, 6), torch.arange(3).repeat_interleave(2)


def set_forward_loss():
    fast = list(net.parameters())
    for _ in range(2):
        set_loss = loss_fn(F.linear(x_a, fast[0], fast[1]), y_a)
        grads = torch.autograd.grad(set_loss, fast, create_graph=True)
        fast = [w - 0.01 * g for w, g in zip(fast, grads)]
    return loss_fn(F.linear(x_b, fast[0], fast[1]), y_b)


avg_loss, loss_all = 0, []
optimizer.zero_grad()
loss = set_forward_loss()
avg_loss = avg_loss + loss.data[0]
loss_all.append(loss)
torch.stack(loss_all).sum(0).backward()
optimizer.step()
