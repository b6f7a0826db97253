# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/mathurinache_mathurin-week4-prevision3.py#L339
# family: graph-kept
# expect: 21
# runtime: asserts the running average is a tensor whose graph reaches back through every batch of the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
model_f = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 1))
optimizer_f = torch.optim.Adam(model_f.parameters(), lr=1e-3)
loss_func = nn.MSELoss()
train_loader = [(torch.randn(4, 5), torch.randn(4, 1)) for _ in range(5)]

for epoch in range(1):
    avg_train_loss = 0
    optimizer_f.zero_grad()
    for idx, (x, y) in enumerate(train_loader):
        preds = model_f(x)
        loss = loss_func(preds, y)
        loss = loss + 1e-3 * model_f[0].weight.abs().sum()
        avg_train_loss += loss / len(train_loader)
        loss.backward()
        optimizer_f.step()
        optimizer_f.zero_grad()


def chain(fn):
    n = 0
    while fn is not None and type(fn).__name__ == "AddBackward0":
        n += 1
        fn = fn.next_functions[0][0]
    return n


assert avg_train_loss.requires_grad
assert chain(avg_train_loss.grad_fn) == len(train_loader)  # one node per batch still alive
