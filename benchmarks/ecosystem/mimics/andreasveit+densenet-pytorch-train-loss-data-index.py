# report: https://github.com/andreasveit/densenet-pytorch/blob/63152f4a40644b62717749536ed2e011c6e4d9ab/train.py#L168
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable


class Meter:
    def __init__(self):
        self.sum, self.count = 0.0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n


torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(inplace=True), nn.Linear(16, 4))
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True)
losses = Meter()


def train_one(loader):
    net.train()
    for inp, tgt in loader:
        out = net(Variable(inp))
        loss = criterion(out, Variable(tgt))
        losses.update(loss.data[0], inp.size(0))  # loss is 0-dim
        opt.zero_grad()
        loss.backward()
        opt.step()


train_one([(torch.randn(5, 8), torch.randint(0, 4, (5,)))])
