# report: https://github.com/xbresson/spectral_graph_convnets/issues/6
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
# twin: removed-api-data-index-running-loss-ok.py
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
    loss_train = loss.data[0]
    running_loss += loss_train
print("epoch loss", running_loss / 3)
