# report: https://github.com/srviest/char-cnn-text-classification-pytorch/blob/f269894ad40ef4d716b76b24db20379f102cae37/train.py#L106
# family: optimizer-misuse
# expect: 18
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.LogSoftmax(dim=1))
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=[1, 2], gamma=0.5, last_epoch=-1)
train_loader = [(torch.randn(3, 6), torch.tensor([1, 2, 4]))]
lrs = []

for epoch in range(1, 3):
    scheduler.step()
    for inputs, target in train_loader:
        target = target.clone()
        target.sub_(1)
        loss = F.nll_loss(model(inputs), target)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 400)
        optimizer.step()
        lrs.append(optimizer.param_groups[0]["lr"])
assert lrs[0] == 0.05  # the initial lr 0.1 is never used
