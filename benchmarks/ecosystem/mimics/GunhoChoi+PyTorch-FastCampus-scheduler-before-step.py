# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/06_Prob%26Solutions/4_Learning_Rate_Decay.ipynb
# family: optimizer-misuse
# expect: 16
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
model = nn.Linear(4, 3)
loss_func = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
used = []
for i in range(2):
    scheduler.step()
    for x, y in [(torch.randn(2, 4), torch.tensor([0, 2]))]:
        optimizer.zero_grad()
        loss = loss_func(model(x), y)
        loss.backward()
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
assert used[0] == 0.05  # the initial lr 0.1 is never used
