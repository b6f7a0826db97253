# report: https://github.com/bamos/densenet.pytorch/blob/d1cd5e1957975628286e516512c6d1c14430f810/train.py#L127
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.BatchNorm2d(3), nn.ReLU(), nn.Conv2d(3, 6, 3, padding=1), nn.AvgPool2d(8), nn.Flatten(), nn.Linear(6, 10), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(net.parameters(), lr=1e-1, momentum=0.9, weight_decay=1e-4)
train_loader = [(torch.rand(4, 3, 8, 8), torch.randint(0, 10, (4,))) for _ in range(2)]

net.train()
for batch_idx, (data, target) in enumerate(train_loader):
    data, target = Variable(data), Variable(target)
    optimizer.zero_grad()
    output = net(data)
    loss = F.nll_loss(output, target)
    loss.backward()
    optimizer.step()
    pred = output.data.max(1)[1]
    incorrect = pred.ne(target.data).cpu().sum()
    err = 100. * incorrect / len(data)
    line = "Loss: {:.6f}\tError: {:.6f}".format(loss.data[0], err)
