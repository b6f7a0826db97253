# report: https://github.com/mila-udem/welcome_tutorials/blob/2c2f46214d3e8be95ebdf1423072145ef53056af/pytorch/4.%20Image%20Classification%20with%20Convnets%20and%20ResNets.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
clf = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.Dropout(p=0.5), nn.ReLU(), nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(4, 10))
optimizer = torch.optim.Adam(clf.parameters(), lr=1e-4)
criterion = nn.CrossEntropyLoss()
trainloader = [(torch.randn(4, 1, 8, 8), torch.randint(0, 10, (4,))) for _ in range(2)]
losses = []
for batch_idx, (inputs, targets) in enumerate(trainloader):
    optimizer.zero_grad()
    inputs, targets = Variable(inputs), Variable(targets)
    outputs = clf(inputs)
    loss = criterion(outputs, targets)
    loss.backward()
    optimizer.step()
    losses.append(loss.data[0])
print('Loss : %.3f ' % np.mean(losses))
