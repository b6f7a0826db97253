# report: https://github.com/NVIDIA/DeepRecommender/blob/a32a8a5c23092c551616acf6fac5b32e1155d18b/run.py#L188
# family: optimizer-misuse
# expect: 29
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import MultiStepLR

torch.manual_seed(0)
enc = nn.Linear(10, 4)
dec = nn.Linear(4, 10)
params = list(enc.parameters()) + list(dec.parameters())
optimizer = optim.SGD(params, lr=0.01, momentum=0.9)
scheduler = MultiStepLR(optimizer, milestones=[3, 5], gamma=0.5)


def mse_loss(outputs, targets):
    mask = (targets != 0).float()
    return F.mse_loss(outputs * mask, targets, reduction="sum"), mask.sum()


batches = [torch.relu(torch.randn(6, 10)) for _ in range(2)]
lrs = []
for epoch in range(4):
    enc.train()
    dec.train()
    scheduler.step()
    for mb in batches:
        optimizer.zero_grad()
        loss, n = mse_loss(dec(F.selu(enc(mb))), mb)
        (loss / n).backward()
        optimizer.step()
    lrs.append(optimizer.param_groups[0]["lr"])

assert abs(lrs[2] - 0.005) < 1e-12  # halved after 2 epochs of training, milestone said 3
