# report: https://github.com/aaron-xichen/pytorch-playground/blob/5d476295f1c1564c8074eb885bb6138d6bd09889/cifar/train.py#L114
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
test_loader = [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,))) for _ in range(2)]
model.eval()
test_loss = 0
correct = 0
for data, target in test_loader:
    indx_target = target.clone()
    data, target = Variable(data, volatile=True), Variable(target)
    output = model(data)
    test_loss += F.cross_entropy(output, target).data[0]
    pred = output.data.max(1)[1]
    correct += pred.cpu().eq(indx_target).sum()
