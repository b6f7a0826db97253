# report: https://github.com/gabrielhuang/reptile-pytorch/blob/4c85a5da189498994b414de7fe7a401125345a62/train_omniglot.py#L132
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(True), nn.Linear(8, 3), nn.LogSoftmax(1))
nll = nn.NLLLoss()


def batches(n):
    for _ in range(n):
        yield torch.randn(5, 4), torch.randint(0, 3, (5,))


def do_learning(net, optimizer, it, iterations):
    net.train()
    for _ in range(iterations):
        data, labels = next(it)
        prediction = net(data)
        loss = nll(prediction, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.data[0]


optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.0, 0.999))
print(do_learning(net, optimizer, batches(3), 3))
