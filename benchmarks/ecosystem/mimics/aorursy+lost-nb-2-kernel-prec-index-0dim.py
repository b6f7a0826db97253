# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/solomonk_pytorch-resnext-cnn-end-to-end-lb-0-65.py#L550
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


def accuracy(y_pred, y_actual, topk=(1,)):
    maxk = max(topk)
    batch_size = y_actual.size(0)
    _, pred = y_pred.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(y_actual.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].view(-1).float().sum(0)  # 0-dim
        res.append(correct_k.mul_(100.0 / batch_size))
    return res


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(5, 4))
criterion = nn.CrossEntropyLoss()
images, target = torch.randn(6, 5), torch.randint(0, 4, (6,))
y_pred = model(images)
loss = criterion(y_pred, target)
prec1, prec1 = accuracy(y_pred.data, target.data, topk=(1, 1))
history = []
history.append(loss.item())
history.append(prec1[0])
