# report: https://github.com/meetshah1995/pytorch-semseg/blob/801fb200547caa5b0d91b8dde56b837da029f746/train.py#L121
# family: optimizer-misuse
# expect: 22
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Conv2d(3, 2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda it: (1 - it / 10.0) ** 0.9)
batches = [(torch.randn(2, 3, 4, 4), torch.randint(0, 2, (2, 4, 4))) for _ in range(2)]

lrs = []
i = 0
for images, labels in batches:
    i += 1
    scheduler.step()  # before the optimizer has stepped: the schedule is shifted by one
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(images), labels)
    loss.backward()
    lrs.append(optimizer.param_groups[0]["lr"])
    optimizer.step()

assert lrs[0] < 1e-2  # the first update never uses the base learning rate
