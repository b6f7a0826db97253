# report: https://github.com/felixgwu/img_classification_pk_pytorch/blob/298758dcb4a7e0af46db0fd645af62a1815c88de/utils.py#L108
# family: removed-api
# expect: 17
# runtime: raises RuntimeError: view size is not compatible with input tensor's size and stride
import torch
import torch.nn as nn


def error(output, target, topk=(1,)):
    with torch.no_grad():
        maxk = max(topk)
        batch_size = target.size(0)
        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))  # keeps the transposed strides
        res = []
        for k in topk:
            correct_k = correct[:k].view(-1).float().sum(0)
            res.append(100.0 - correct_k.mul_(100.0 / batch_size))
    return res


torch.manual_seed(0)
model = nn.Linear(12, 10)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
inputs, targets = torch.randn(6, 12), torch.randint(0, 10, (6,))
model.train()
outputs = model(inputs)
loss = criterion(outputs, targets)
err1, err5 = error(outputs, targets, topk=(1, 5))
