# report: https://github.com/andreasveit/densenet-pytorch/blob/63152f4a40644b62717749536ed2e011c6e4d9ab/train.py#L169
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


def topk_acc(output, target, topk=(1,)):
    maxk = max(topk)
    _, pred = output.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].reshape(-1).float().sum(0)  # 0-dim
        res.append(correct_k.mul_(100.0 / target.size(0)))
    return res


torch.manual_seed(0)
net = nn.Linear(8, 4)
out = net(torch.randn(6, 8))
prec1 = topk_acc(out.data, torch.randint(0, 4, (6,)), topk=(1,))[0]
top1_val = prec1[0]  # used to be a 1-element tensor
