# report: https://github.com/adambielski/siamese-triplet/blob/0c719f9e8f59fa386e8c59d10b2ddde9fac46276/trainer.py#L20
# family: optimizer-misuse
# expect: 27
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
model = nn.Linear(4, 3)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
scheduler = lr_scheduler.StepLR(optimizer, 1, gamma=0.1, last_epoch=-1)
loader = [(torch.randn(2, 4), torch.tensor([0, 2]))]
used_lrs = []


def train_epoch():
    for data, target in loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(data), target)
        loss.backward()
        optimizer.step()
        used_lrs.append(optimizer.param_groups[0]["lr"])


for epoch in range(0, 2):
    scheduler.step()
    train_epoch()
assert abs(used_lrs[0] - 1e-3) < 1e-12  # the first epoch already runs at lr*gamma
