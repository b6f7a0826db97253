# report: https://github.com/dataflowr/notebooks/blob/043dff0f792a5ae67005ba147f7b9dd5fc66e2a1/Module15/15b_dropout_mnist.ipynb
# family: optimizer-misuse
# expect: 29
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler

torch.manual_seed(0)
batches = [(torch.randn(8, 6), torch.randint(0, 3, (8,))) for _ in range(2)]
model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3))
optimizer = optim.Adam(model.parameters(), lr=1e-2)
scheduler = lr_scheduler.StepLR(optimizer, 2, gamma=0.1, last_epoch=-1)
loss_fn = nn.CrossEntropyLoss()
seen = []


def train_epoch():
    model.train()
    for data, target in batches:
        optimizer.zero_grad()
        loss_fn(model(data), target).backward()
        seen.append(optimizer.param_groups[0]["lr"])
        optimizer.step()


for epoch in range(3):
    scheduler.step()
    train_epoch()

# with step_size 2 the lr should drop after two epochs; it drops after one
assert seen[2] < 1e-2
