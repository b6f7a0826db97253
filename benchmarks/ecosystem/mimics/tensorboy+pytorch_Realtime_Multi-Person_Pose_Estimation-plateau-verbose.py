# report: https://github.com/tensorboy/pytorch_Realtime_Multi-Person_Pose_Estimation/blob/02174bc2312098f99af6ba43142add6cc1b46a52/train/train_VGG19.py#L332
# family: removed-api
# expect: 11
# runtime: raises TypeError: unexpected keyword argument 'verbose'
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import ReduceLROnPlateau

model = nn.Sequential(nn.Linear(4, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=1.0, momentum=0.9, nesterov=True)
lr_scheduler = ReduceLROnPlateau(optimizer, mode='min', factor=0.8, patience=5, verbose=True, threshold=0.0001, threshold_mode='rel', cooldown=3, min_lr=0, eps=1e-08)
lr_scheduler.step(1.0)
