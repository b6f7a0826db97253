# report: https://github.com/dvgodoy/PyTorchStepByStep/blob/d837dec7250dae20d247634c4aba63791bd89b2f/stepbystep/v4.py#L532
# family: optimizer-misuse
# expect: 31
# runtime: asserts the range test breaks after its last backward, so the restored model keeps that .grad and the first training step (backward, step, zero_grad) applies it on top of the fresh gradient
from copy import deepcopy

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import LambdaLR

torch.manual_seed(13)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
loss_fn = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=3e-4)
loader = [(torch.randn(6, 3), torch.randint(0, 2, (6,))) for _ in range(3)]


def lr_range_test(data_loader, end_lr, num_iter):
    previous = {"model": deepcopy(model.state_dict()), "optimizer": deepcopy(optimizer.state_dict())}
    start_lr = optimizer.param_groups[0]["lr"]
    factor = (end_lr / start_lr) ** (1 / num_iter)
    scheduler = LambdaLR(optimizer, lr_lambda=lambda it: factor ** it)
    iteration = 0
    while iteration < num_iter:
        for x_batch, y_batch in data_loader:
            loss = loss_fn(model(x_batch), y_batch)
            loss.backward()
            iteration += 1
            if iteration == num_iter:
                break
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
    optimizer.load_state_dict(previous["optimizer"])
    model.load_state_dict(previous["model"])


lr_range_test(loader, end_lr=1e-1, num_iter=5)
leftover = model[0].weight.grad.clone()

x, y = loader[0]
fresh = torch.autograd.grad(loss_fn(model(x), y), model[0].weight)[0]
model.train()
loss = loss_fn(model(x), y)
loss.backward()
used = model[0].weight.grad.clone()

assert leftover.abs().sum() > 0
assert torch.allclose(used, fresh + leftover, atol=1e-6)
