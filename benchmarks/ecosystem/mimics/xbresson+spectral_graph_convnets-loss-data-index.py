# report: https://github.com/xbresson/spectral_graph_convnets/blob/1919c6f5be4b75c6657ec6c3708a7349810b5f3f/01_standard_convnet_lenet5_mnist_pytorch.ipynb
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable


def loss_with_l2(model, scores, labels, l2_reg):
    loss = nn.CrossEntropyLoss()(scores, labels)
    l2 = 0.0
    for p in model.parameters():
        l2 += (p * p).sum()
    loss += 0.5 * l2_reg * l2
    return loss


torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
optimizer = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
inputs = torch.randn(10, 8)
labels = torch.randint(0, 3, (10,))
running_loss = 0.0
for step in range(2):
    x = Variable(inputs, requires_grad=False)
    y = Variable(labels, requires_grad=False)
    out = net(x)
    loss = loss_with_l2(net, out, y, 5e-4)
    loss_train = loss.data[0]
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    running_loss += loss_train
