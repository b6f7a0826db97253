# report: https://github.com/qubvel-org/segmentation_models.pytorch/pull/611
# family: no-grad-backward
# expect: 24 38
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn

torch.manual_seed(0)


def threshold(x, value):
    return (x > value).type(x.dtype)


class DiceLoss(nn.Module):
    def __init__(self, eps=1.0, threshold=None):
        super().__init__()
        self.eps = eps
        self.threshold = threshold

    def forward(self, logits, target):
        pr = torch.sigmoid(logits)
        if self.threshold is not None:
            pr = threshold(pr, self.threshold)
        inter = (pr * target).sum()
        union = pr.sum() + target.sum()
        return 1 - (2 * inter + self.eps) / (union + self.eps)


model = nn.Conv2d(3, 1, 3, padding=1)
criterion = DiceLoss(threshold=0.5)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
images = torch.randn(2, 3, 8, 8)
masks = (torch.rand(2, 1, 8, 8) > 0.5).float()

optimizer.zero_grad()
loss = criterion(model(images), masks)
loss.backward()
optimizer.step()
