# report: https://github.com/fyu/drn/blob/d75db2ee7070426db7a9264ee61cf489f8cf178c/classify.py#L336
# family: removed-api
# expect: 20
# runtime: raises RuntimeError: view size is not compatible with input tensor's size and stride
import torch
import torch.nn as nn

torch.manual_seed(0)
classifier = nn.Sequential(nn.Conv2d(3, 6, 3, padding=2, dilation=2), nn.BatchNorm2d(6), nn.ReLU(),
                           nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 10))


def accuracy(output, target, topk=(1,)):
    batch_size = target.size(0)
    _, pred = output.topk(max(topk), 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].view(-1).float().sum(0)
        res.append(correct_k.mul_(100.0 / batch_size))
    return res


images, labels = torch.rand(8, 3, 8, 8), torch.randint(0, 10, (8,))
output = classifier(images)
prec1, prec5 = accuracy(output.data, labels, topk=(1, 5))
