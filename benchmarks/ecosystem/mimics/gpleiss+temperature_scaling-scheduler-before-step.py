# report: https://github.com/gpleiss/temperature_scaling/blob/ce1154ec7d5235eee046f28875c3dd8421f11d45/train.py#L208
# family: optimizer-misuse
# expect: 26
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(6, 3)
n_epochs = 4
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[0.5 * n_epochs, 0.75 * n_epochs], gamma=0.1)
batches = [(torch.randn(3, 6), torch.randint(0, 3, (3,))) for _ in range(2)]
lrs = []


def run_epoch():
    for x, y in batches:
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    lrs.append(optimizer.param_groups[0]["lr"])


for epoch in range(1, n_epochs + 1):
    scheduler.step()
    run_epoch()
assert abs(lrs[1] - 0.01) < 1e-12  # epoch 2 already runs at the decayed lr
