# report: https://github.com/akamaster/pytorch_resnet_cifar10/blob/d5489e8995e81e91ce6b1d69dcc98ad579b0b153/trainer.py#L120
# family: optimizer-misuse
# expect: 15
# runtime: raises KeyError: initial_lr
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(6, 3))
checkpoint = {"epoch": 11, "best_prec1": 40.0, "state_dict": model.state_dict()}

# --resume: the model is restored and start_epoch taken from the checkpoint; the optimizer is fresh
start_epoch = checkpoint["epoch"]
model.load_state_dict(checkpoint["state_dict"])
optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum=0.9, weight_decay=1e-4)
lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[100, 150],
                                                    last_epoch=start_epoch - 1)
