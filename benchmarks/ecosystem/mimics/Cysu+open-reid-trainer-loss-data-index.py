# report: https://github.com/Cysu/open-reid/blob/3293ca79a07ebee7f995ce647aafa7df755207b8/reid/trainers.py#L33
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Linear(6, 4)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
loader = [(torch.randn(5, 6), torch.randint(0, 4, (5,)))]
losses = []
model.train()
for i, (imgs, pids) in enumerate(loader):
    inputs, targets = [Variable(imgs)], Variable(pids)
    outputs = model(*inputs)
    loss = criterion(outputs, targets)
    losses.append(loss.data[0])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
