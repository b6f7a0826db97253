# report: https://github.com/pytorch/pytorch/issues/47175
# family: optimizer-misuse
# expect: 16
# runtime: asserts the last batch's step uses the sum of every batch's gradient in the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
criterion = nn.SmoothL1Loss()
batches = [(torch.randn(4, 3), torch.randn(4, 1)) for _ in range(3)]


def train_epoch():
    optimizer.zero_grad()
    fresh_grads = []
    for inputs, targets in batches:
        loss = criterion(model(inputs), targets)
        fresh_grads.append(torch.autograd.grad(loss, model.bias, retain_graph=True)[0])
        loss.backward()
        used = model.bias.grad.clone()
        optimizer.step()
    return fresh_grads, used


fresh_grads, used = train_epoch()
assert torch.allclose(used, sum(fresh_grads))
assert not torch.allclose(used, fresh_grads[-1])
