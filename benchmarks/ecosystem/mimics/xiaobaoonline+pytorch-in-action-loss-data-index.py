# report: https://github.com/xiaobaoonline/pytorch-in-action/blob/193745dc0b45b4c292ad9276eac0023c4ac85ae8/chapter5_%E5%8D%B7%E7%A7%AF%E7%A5%9E%E7%BB%8F%E7%BD%91%E7%BB%9C/mycnn.py#L84
# family: removed-api
# expect: 23,24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
train_loader = [(torch.randn(5, 1, 8, 8), torch.randint(0, 10, (5,))) for _ in range(2)]
running_loss, running_acc = 0.0, 0.0
for i, data in enumerate(train_loader, 1):
    img, label = data
    img = Variable(img)
    label = Variable(label)
    out = model(img)
    loss = criterion(out, label)
    _, pred = torch.max(out, 1)
    num_correct = (pred == label).sum()
    running_loss += loss.data[0] * label.size(0)  # the mean loss is 0-dim
    running_acc += num_correct.data[0]
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
