# report: https://github.com/aaron-xichen/pytorch-playground/blob/5d476295f1c1564c8074eb885bb6138d6bd09889/cifar/train.py#L94
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
optimizer = optim.Adam(model.parameters(), lr=1e-3)
train_loader = [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,))) for _ in range(2)]
for batch_idx, (data, target) in enumerate(train_loader):
    data, target = Variable(data), Variable(target)
    optimizer.zero_grad()
    output = model(data)
    loss = F.cross_entropy(output, target)
    loss.backward()
    optimizer.step()
    print('Loss: {:.6f} lr: {:.2e}'.format(loss.data[0], optimizer.param_groups[0]['lr']))
