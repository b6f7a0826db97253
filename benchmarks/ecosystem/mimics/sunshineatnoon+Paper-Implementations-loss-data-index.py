# report: https://github.com/sunshineatnoon/Paper-Implementations/blob/8e2f7896739a1af87d46574fbb162acf2df5433c/classification/mnist.py#L95
# family: removed-api
# expect: 20 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)

for i in range(2):
    x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
    optimizer.zero_grad()
    loss = criterion(net(x), y)
    loss.backward()
    optimizer.step()
    if (i + 1) % 2 == 0:
        print('Iter [%d] Loss: %.4f'
              % (i + 1, loss.data[0]))
