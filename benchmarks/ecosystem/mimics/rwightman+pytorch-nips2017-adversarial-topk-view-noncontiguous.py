# report: https://github.com/rwightman/pytorch-nips2017-adversarial/blob/1727494ea3bfcbc3b4754b35096e816e1269ff38/python/train_adversarial_defense.py#L406
# family: removed-api
# expect: 21
# runtime: raises RuntimeError: view size is not compatible with input tensor's size and stride
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def accuracy(output, target, topk=(1,)):
    maxk = max(topk)
    batch_size = target.size(0)
    _, pred = output.topk(maxk, 1, True, True)
    pred = pred.t()
    correct = pred.eq(target.view(1, -1).expand_as(pred))
    res = []
    for k in topk:
        correct_k = correct[:k].view(-1).float().sum(0)
        res.append(correct_k.mul_(100.0 / batch_size))
    return res


input, target = torch.rand(6, 3, 2, 2), torch.randint(0, 10, (6,))
output = model(input)
loss = nn.functional.cross_entropy(output, target)
prec1, prec5 = accuracy(output.data, target, topk=(1, 5))
optimizer.zero_grad()
loss.backward()
optimizer.step()
