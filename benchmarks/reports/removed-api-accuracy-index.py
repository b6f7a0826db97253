# report: https://github.com/pytorch/pytorch/issues/15585
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


def accuracy(output, target):
    pred = output.argmax(dim=1)
    return pred.eq(target).float().sum() * (100.0 / target.size(0))


torch.manual_seed(0)
model = nn.Linear(8, 5)
top1 = []
for _ in range(2):
    inp, target = torch.randn(6, 8), torch.randint(0, 5, (6,))
    output = model(inp)
    prec1 = accuracy(output.data, target)
    top1.append(prec1[0])
print(sum(top1) / len(top1))
