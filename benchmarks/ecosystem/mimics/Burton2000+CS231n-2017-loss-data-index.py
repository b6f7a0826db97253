# report: https://github.com/Burton2000/CS231n-2017/blob/0a0bd0194d9d4606dc864272823c21dba7b0e0f9/assignment2/PyTorch.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(inplace=True), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
print_every = 1
batches = [(torch.randn(2, 3, 8, 8), torch.tensor([1, 7]))]

model.train()
for t, (x, y) in enumerate(batches):
    x_var = Variable(x)
    y_var = Variable(y.long())
    scores = model(x_var)
    loss = loss_fn(scores, y_var)  # a 0-dim tensor
    if (t + 1) % print_every == 0:
        print("t = %d, loss = %.4f" % (t + 1, loss.data[0]))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
