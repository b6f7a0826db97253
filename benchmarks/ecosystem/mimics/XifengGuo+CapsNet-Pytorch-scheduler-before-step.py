# report: https://github.com/XifengGuo/CapsNet-Pytorch/blob/8a5a3572d91eb9479425168d3d565eb02e78be46/capsulenet.py#L154
# family: optimizer-misuse
# expect: 16
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(16, 10)
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
lr_decay = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.9)
loader = [(torch.rand(3, 16), torch.randint(0, 10, (3,))) for _ in range(2)]
first_epoch_lrs = []
for epoch in range(2):
    model.train()
    lr_decay.step()
    for x, y in loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        if epoch == 0:
            first_epoch_lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()

assert abs(first_epoch_lrs[0] - 0.0009) < 1e-12  # the initial lr 0.001 is never used
