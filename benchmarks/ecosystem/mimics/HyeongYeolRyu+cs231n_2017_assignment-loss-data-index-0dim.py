# report: https://github.com/HyeongYeolRyu/cs231n_2017_assignment/blob/a7c81be988c2cb278e100b9071a7c50a834ef28c/assignment2/.ipynb_checkpoints/PyTorch-checkpoint.ipynb
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
loader_train = [(torch.randn(4, 3, 2, 2), torch.tensor([0, 3, 9, 2]))]
print_every = 1
model.train()
for t, (x, y) in enumerate(loader_train):
    x_var = Variable(x.float())
    y_var = Variable(y.long())
    loss = loss_fn(model(x_var), y_var)
    if (t + 1) % print_every == 0:
        print("t = %d, loss = %.4f" % (t + 1, loss.data[0]))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
