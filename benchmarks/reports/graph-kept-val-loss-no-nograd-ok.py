# report: https://github.com/bubbliiiing/yolo3-pytorch/issues/3
# family: graph-kept
# expect: none
# runtime: runs: validation runs under no_grad and sums plain numbers
# twin: graph-kept-val-loss-no-nograd.py
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 8 * 8, 5))
criterion = nn.SmoothL1Loss()
val_batches = [(torch.randn(2, 3, 8, 8), torch.randn(2, 5)) for _ in range(4)]


@torch.no_grad()
def evaluate(net, batches):
    net.eval()
    val_loss = 0
    for images, targets in batches:
        outputs = net(images)
        loss = criterion(outputs, targets)
        val_loss += loss
    net.train()
    return val_loss / len(batches)


val_loss = evaluate(net, val_batches)
assert not val_loss.requires_grad and val_loss.grad_fn is None
