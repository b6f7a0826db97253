# report: https://github.com/Lextal/pspnet-pytorch/blob/4eb6ab61287e837f5e2d8c1ae09fadeaa0e31e37/train.py#L87
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.lr_scheduler import MultiStepLR

torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True))
seg_head = nn.Sequential(nn.Dropout2d(p=0.15), nn.Conv2d(8, 4, 1), nn.LogSoftmax(dim=1))
cls_head = nn.Linear(8, 4)
params = list(backbone.parameters()) + list(seg_head.parameters()) + list(cls_head.parameters())
optimizer = torch.optim.Adam(params, lr=0.001)
scheduler = MultiStepLR(optimizer, milestones=[10, 20, 30])
seg_criterion, cls_criterion = nn.NLLLoss(), nn.BCEWithLogitsLoss()
epoch_losses = []

x, y, y_cls = torch.randn(2, 3, 8, 8), torch.randint(0, 4, (2, 8, 8)), (torch.rand(2, 4) > 0.5).float()
optimizer.zero_grad()
f = backbone(x)
out, out_cls = seg_head(f), cls_head(F.adaptive_max_pool2d(f, 1).flatten(1))
seg_loss, cls_loss = seg_criterion(out, y), cls_criterion(out_cls, y_cls)
loss = seg_loss + 1.0 * cls_loss
epoch_losses.append(loss.data[0])
status = 'loss = {0:0.5f} avg = {1:0.5f}'.format(loss.data[0], np.mean(epoch_losses))
loss.backward()
optimizer.step()
