# report: https://github.com/PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook/blob/7ded3e1221cb1fa40bc97c626d0b53df3da80df4/Chapter08/chapter8/reinforce_baseline.py#L85
# family: removed-api
# expect: 19
# runtime: warns Using a target size
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
states = [list(torch.randn(4).numpy()) for _ in range(6)]
returns = torch.tensor([5.0, 4.0, 3.0, 2.0, 1.5, 1.0])


def update(s, y):
    y_pred = model(torch.Tensor(s))  # (T, 1)
    loss = criterion(y_pred, Variable(torch.Tensor(y)))  # target (T,): broadcast to (T, T)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss


loss = update(states, returns)
