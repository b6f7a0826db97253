# report: https://github.com/gameofdimension/cs231n-2017/blob/ece452c81e966bee682337b51e6d89a55068dc4d/assignment2/PyTorch.ipynb
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(inplace=True), nn.Linear(8, 3))
loss_fn = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=5e-4)
loader_train = [(torch.randn(4, 6), torch.randint(0, 3, (4,))) for _ in range(2)]
print_every = 1

model.train()
for t, (x, y) in enumerate(loader_train):
    x_var = Variable(x.float())
    y_var = Variable(y.long())
    scores = model(x_var)
    loss = loss_fn(scores, y_var)
    if (t + 1) % print_every == 0:
        print('t = %d, loss = %.4f' % (t + 1, loss.data[0]))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
