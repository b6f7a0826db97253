# report: https://github.com/weihua916/powerful-gnns/blob/9a2ce8ac3e99278307093a464a95caf0fb04b602/main.py#L141
# family: optimizer-misuse
# expect: 29
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
criterion = nn.CrossEntropyLoss()
model = nn.Sequential(nn.Linear(5, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
optimizer = optim.Adam(model.parameters(), lr=0.01)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
lrs = []


def train(epoch, iters=2):
    model.train()
    for _ in range(iters):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = criterion(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    lrs.append(optimizer.param_groups[0]["lr"])


for epoch in range(1, 5):
    scheduler.step()
    train(epoch)

assert abs(lrs[2] - 0.005) < 1e-12  # halved after 2 epochs of training instead of 3
