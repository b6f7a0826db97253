# report: https://github.com/xbresson/spectral_graph_convnets/issues/6
# family: removed-api
# expect: none
# runtime: runs: loss.item() reads the 0-dim loss as a Python number
# twin: removed-api-data-index-running-loss.py
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 4))
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()

running_loss = 0.0
for batch in range(3):
    train_x = Variable(torch.randn(8, 10), requires_grad=False)
    train_y = Variable(torch.randint(0, 4, (8,)), requires_grad=False)
    y = net(train_x)
    loss = loss_fn(y, train_y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    loss_train = loss.item()
    running_loss += loss_train
assert isinstance(running_loss, float) and running_loss > 0
