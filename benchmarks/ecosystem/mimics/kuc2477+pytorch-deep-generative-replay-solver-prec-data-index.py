# report: https://github.com/kuc2477/pytorch-deep-generative-replay/blob/b2d82e45b69876ddab0f7ce38737888e17e377f2/dgr.py#L67
# family: removed-api
# expect: 24, 29, 36
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
solver = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(solver.parameters(), lr=1e-3)
importance_of_new_task = .5


def train_a_batch(x, y, x_=None, y_=None):
    batch_size = x.size(0)
    optimizer.zero_grad()
    real_scores = solver(x)
    real_loss = criterion(real_scores, y)
    _, real_predicted = real_scores.max(1)
    # accuracy of the batch, read with the removed 0.3 indexing
    n_right = (y == real_predicted).sum()
    real_prec = n_right.data[0] / batch_size
    if x_ is not None:
        replay_scores = solver(x_)
        replay_loss = criterion(replay_scores, y_)
        _, replay_predicted = replay_scores.max(1)
        replay_prec = (y_ == replay_predicted).sum().data[0] / batch_size
        loss = importance_of_new_task * real_loss + (1 - importance_of_new_task) * replay_loss
        precision = (real_prec + replay_prec) / 2
    else:
        loss, precision = real_loss, real_prec
    loss.backward()
    optimizer.step()
    return {'loss': loss.data[0], 'precision': precision}


x, y = Variable(torch.randn(6, 8)), Variable(torch.randint(0, 3, (6,)))
print(train_a_batch(x, y, x.clone(), y.clone()))
