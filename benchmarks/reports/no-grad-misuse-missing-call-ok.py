# report: https://github.com/Lightning-AI/pytorch-lightning/issues/5120
# family: no-grad-misuse
# expect: none
# runtime: runs: no_grad() is called and covers only the evaluation; training keeps its graph
# twin: no-grad-misuse-missing-call.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def evaluate(model, loader):
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            total += F.mse_loss(model(x), y, reduction="sum").item()
            count += y.numel()
    model.train()
    return total / count


model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
train = [(torch.randn(4, 3), torch.randn(4, 1)) for _ in range(2)]
val = [(torch.randn(4, 3), torch.randn(4, 1))]

for epoch in range(2):
    for x, y in train:
        optimizer.zero_grad()
        F.mse_loss(model(x), y).backward()
        optimizer.step()
    val_loss = evaluate(model, val)
assert torch.is_grad_enabled() and model[0].weight.grad is not None
