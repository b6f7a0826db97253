# report: https://github.com/rwightman/pytorch-nips2017-adversarial/blob/1727494ea3bfcbc3b4754b35096e816e1269ff38/python/train_adversarial_defense.py#L111
# family: removed-api
# expect: 36,37
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


class AverageMeter:
    def __init__(self):
        self.sum, self.count = 0.0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n


def accuracy(output, target):  # top-1 only, so the view(-1) is on a contiguous slice
    _, pred = output.topk(1, 1, True, True)
    correct = pred.t().eq(target.view(1, -1))
    return [correct[:1].reshape(-1).float().sum(0).mul_(100.0 / target.size(0))]


losses, top1 = AverageMeter(), AverageMeter()
input, target = torch.rand(6, 3, 2, 2), torch.randint(0, 10, (6,))
input_var, target_var = Variable(input), Variable(target)
output = model(input_var)
loss = criterion(output, target_var)
prec1, = accuracy(output.data, target)
losses.update(loss.data[0], input.size(0))
top1.update(prec1[0], input.size(0))
optimizer.zero_grad()
loss.backward()
optimizer.step()
