# report: https://github.com/facebookresearch/mixup-cifar10/blob/eaff31ab397a90fbc0a4aac71fb5311144b3608b/train.py#L158
# family: removed-api
# expect: 34
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

torch.manual_seed(0)
np.random.seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)


def mixup_data(x, y, alpha=1.0):
    lam = np.random.beta(alpha, alpha) if alpha > 0 else 1
    index = torch.randperm(x.size()[0])
    return lam * x + (1 - lam) * x[index, :], y, y[index], lam


def mixup_criterion(criterion, pred, y_a, y_b, lam):
    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)


train_loss = 0
for inputs, targets in [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,)))]:
    inputs, targets_a, targets_b, lam = mixup_data(inputs, targets, 1.0)
    inputs, targets_a, targets_b = map(Variable, (inputs, targets_a, targets_b))
    outputs = net(inputs)
    loss = mixup_criterion(criterion, outputs, targets_a, targets_b, lam)
    train_loss += loss.data[0]
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
