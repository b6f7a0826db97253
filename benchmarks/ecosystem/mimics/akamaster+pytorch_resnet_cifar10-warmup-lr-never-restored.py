# report: https://github.com/akamaster/pytorch_resnet_cifar10/blob/d5489e8995e81e91ce6b1d69dcc98ad579b0b153/trainer.py#L127
# family: optimizer-misuse
# expect: 20
# runtime: asserts the 0.1x warm-up lr written after building MultiStepLR is never switched back after epoch 0
import torch
import torch.nn as nn

torch.manual_seed(0)
base_lr = 0.1
model = nn.Sequential(nn.Linear(6, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), base_lr, momentum=0.9, weight_decay=1e-4)
start_epoch = 0
lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[100, 150],
                                                    last_epoch=start_epoch - 1)
arch = "resnet110"
if arch in ["resnet1202", "resnet110"]:
    # warm-up for the first epoch, "then switch back"
    for param_group in optimizer.param_groups:
        param_group["lr"] = base_lr * 0.1

seen = []
for epoch in range(start_epoch, 5):
    seen.append(optimizer.param_groups[0]["lr"])
    x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
    optimizer.zero_grad()
    criterion(model(x), y).backward()
    optimizer.step()
    lr_scheduler.step()

assert all(abs(lr - base_lr * 0.1) < 1e-12 for lr in seen), seen
print("lr per epoch:", seen, "- never returns to", base_lr)
