# report: https://github.com/hardmaru/pytorch_notebooks/blob/83a0a20318eb2872537593a387069f3c74a186e8/mnist_es/pytorch_mnist_mini_adam.ipynb
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.LogSoftmax(dim=1))
test_loader = [(torch.randn(5, 6), torch.randint(0, 4, (5,)))]


def evaluate(model, test_loader):
    model.eval()
    test_loss = 0
    correct = 0
    for data, target in test_loader:
        data, target = Variable(data), Variable(target)
        output = model(data)
        test_loss += F.nll_loss(output, target, reduction="sum").data[0]
        pred = output.data.max(1, keepdim=True)[1]
        correct += pred.eq(target.data.view_as(pred)).sum()
    return correct / 5


evaluate(model, test_loader)
