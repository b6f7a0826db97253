# report: https://github.com/ronghuaiyang/arcface-pytorch/blob/47ace80b128042cd8d2efd408f55c5a3e156b032/train.py#L82
# family: optimizer-misuse
# expect: 20
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import StepLR

torch.manual_seed(0)
model = nn.Linear(8, 4)
metric_fc = nn.Linear(4, 5)
optimizer = torch.optim.SGD([{"params": model.parameters()}, {"params": metric_fc.parameters()}], lr=1e-1, weight_decay=5e-4)
lr_step = 3
scheduler = StepLR(optimizer, step_size=lr_step, gamma=0.1)
criterion = nn.CrossEntropyLoss()
trainloader = [(torch.randn(6, 8), torch.randint(0, 5, (6,)))]

epoch_lrs = []
for i in range(4):
    scheduler.step()
    epoch_lrs.append(optimizer.param_groups[0]["lr"])
    model.train()
    for data_input, label in trainloader:
        output = metric_fc(model(data_input))
        loss = criterion(output, label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

# the first decay lands at epoch lr_step - 1 = 2, one epoch early
assert abs(epoch_lrs[2] - 1e-2) < 1e-9
