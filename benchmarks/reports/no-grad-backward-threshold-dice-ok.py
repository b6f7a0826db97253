# report: https://github.com/qubvel-org/segmentation_models.pytorch/pull/611
# family: no-grad-backward
# expect: none
# runtime: runs a soft dice on probabilities; the threshold only feeds the IoU metric
import torch
import torch.nn as nn

torch.manual_seed(0)


def soft_dice_loss(logits, target, eps=1.0):
    pr = torch.sigmoid(logits)
    inter = (pr * target).sum()
    return 1 - (2 * inter + eps) / (pr.sum() + target.sum() + eps)


@torch.no_grad()
def iou(logits, target, threshold=0.5):
    pr = (torch.sigmoid(logits) > threshold).type(logits.dtype)
    inter = (pr * target).sum()
    return (inter / (pr.sum() + target.sum() - inter + 1e-6)).item()


model = nn.Conv2d(3, 1, 3, padding=1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
images = torch.randn(2, 3, 8, 8)
masks = (torch.rand(2, 1, 8, 8) > 0.5).float()

optimizer.zero_grad()
logits = model(images)
loss = soft_dice_loss(logits, masks)
score = iou(logits, masks)
loss.backward()
optimizer.step()
assert model.weight.grad is not None
