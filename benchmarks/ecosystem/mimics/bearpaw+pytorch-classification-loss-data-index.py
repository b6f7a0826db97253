# report: https://github.com/bearpaw/pytorch-classification/blob/24f1c456f48c78133088c4eefd182ca9e6199b03/cifar.py#L257
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.optim as optim


class AverageMeter(object):
    def __init__(self):
        self.val = self.avg = self.sum = self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
losses = AverageMeter()
model.train()
for inputs, targets in [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,)))]:
    inputs, targets = torch.autograd.Variable(inputs), torch.autograd.Variable(targets)
    outputs = model(inputs)
    loss = criterion(outputs, targets)
    losses.update(loss.data[0], inputs.size(0))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
