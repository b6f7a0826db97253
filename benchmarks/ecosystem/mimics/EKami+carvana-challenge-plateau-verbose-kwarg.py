# report: https://github.com/EKami/carvana-challenge/blob/4e1c43f306cfbef1df267acfce59bdcf19504850/src/nn/classifier.py#L165
# family: removed-api
# expect: 11
# runtime: raises TypeError: unexpected keyword argument 'verbose'
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import ReduceLROnPlateau

net = nn.Sequential(nn.Conv2d(3, 1, 1))
optimizer = torch.optim.Adam(net.parameters())
lr_scheduler = ReduceLROnPlateau(optimizer, "min", patience=2, verbose=True, min_lr=1e-7)
for epoch, val_loss in enumerate([0.9, 0.8, 0.85]):
    lr_scheduler.step(val_loss)
