# report: https://github.com/napsternxg/pytorch-practice/blob/a48c6aae19c57458e94492e637a38363154f3374/Getting%20started.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
X = np.random.randn(50, 1).astype("float32")
y = (3 * X + 1).astype("float32")
model = nn.Sequential(nn.Linear(1, 1))
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
losses = []
for i in range(3):
    optimizer.zero_grad()
    idx = np.random.randint(X.shape[0], size=10)
    loss = criterion(model(Variable(torch.from_numpy(X[idx]))), Variable(torch.from_numpy(y[idx])))
    loss.backward()
    optimizer.step()
    losses.append(loss.data[0])  # 0-dim since 0.4
