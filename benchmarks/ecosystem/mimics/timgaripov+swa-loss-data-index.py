# report: https://github.com/timgaripov/swa/blob/411b2fcad59bec60c6c9eb1eb19ab906540e5ea2/utils.py#L39
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 12), nn.BatchNorm1d(12), nn.ReLU(), nn.Linear(12, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=3e-4)
loader = [(torch.randn(5, 6), torch.randint(0, 3, (5,))) for _ in range(3)]


def train_epoch(loader, model, criterion, optimizer):
    loss_sum, correct = 0.0, 0.0
    model.train()
    for input, target in loader:
        input_var, target_var = Variable(input), Variable(target)
        output = model(input_var)
        loss = criterion(output, target_var)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_sum += loss.data[0] * input.size(0)
        pred = output.data.max(1, keepdim=True)[1]
        correct += pred.eq(target_var.data.view_as(pred)).sum().item()
    return loss_sum / 15, correct / 15


train_epoch(loader, model, F.cross_entropy, optimizer)
