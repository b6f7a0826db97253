# report: https://github.com/SherlockLiao/pytorch-beginner/blob/3c48d7eae315d4b01ef36eab711efcd528a87744/04-Convolutional%20Neural%20Network/convolution_network.py#L78
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
from torch import nn, optim
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.Flatten(), nn.Linear(3 * 4 * 4, 4))
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=1e-2)
running_loss = 0.0
for i in range(2):
    img = Variable(torch.randn(5, 1, 6, 6))
    label = Variable(torch.randint(0, 4, (5,)))
    out = model(img)
    loss = criterion(out, label)
    # the mean loss is 0-dim since torch 0.4: indexing it fails
    running_loss += loss.data[0] * label.size(0)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
