# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/utils.py#L39
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
from torch import nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
criterion = nn.CrossEntropyLoss()
train_data = [(torch.randn(4, 6), torch.randint(0, 3, (4,))) for _ in range(2)]
train_loss = 0
net = net.train()
for im, label in train_data:
    im = Variable(im)
    label = Variable(label)
    output = net(im)
    loss = criterion(output, label)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    # the mean loss is 0-dim since torch 0.4: indexing it fails
    train_loss += loss.data[0]
