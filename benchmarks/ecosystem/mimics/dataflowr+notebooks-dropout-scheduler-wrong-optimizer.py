# report: https://github.com/dataflowr/notebooks/blob/043dff0f792a5ae67005ba147f7b9dd5fc66e2a1/Module15/15b_dropout_mnist.ipynb
# family: optimizer-misuse
# expect: 22
# runtime: asserts the no-dropout model's scheduler decays the dropout model's optimizer: the simple model keeps lr 1e-2, the dropout model starts at 1e-4
import warnings

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler

warnings.simplefilter("ignore")
torch.manual_seed(0)
lr, epochs = 1e-2, 20
batches = [(torch.randn(8, 6), torch.randint(0, 3, (8,))) for _ in range(2)]

model_dropout = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3))
optimizer_dropout = optim.Adam(model_dropout.parameters(), lr=lr)
scheduler_dropout = lr_scheduler.StepLR(optimizer_dropout, 8, gamma=0.1, last_epoch=-1)
model_simple = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
optimizer_simple = optim.Adam(model_simple.parameters(), lr=lr)
scheduler_simple = lr_scheduler.StepLR(optimizer_dropout, 8, gamma=0.1, last_epoch=-1)
loss_fn = nn.CrossEntropyLoss()


def train_epoch(model, optimizer):
    model.train()
    for data, target in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(data), target)
        loss.backward()
        optimizer.step()


for epoch in range(epochs):
    scheduler_simple.step()
    train_epoch(model_simple, optimizer_simple)

assert optimizer_simple.param_groups[0]["lr"] == lr
assert abs(optimizer_dropout.param_groups[0]["lr"] - lr * 0.01) < 1e-12
