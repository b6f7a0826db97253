# report: https://github.com/GokuMohandas/oreilly-pytorch/blob/a9ac5625361cb434cfa45fb5269fa152015a296f/code/lesson1/lesson1.ipynb
# family: removed-api
# expect: 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(12345)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Dropout(0.1), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
train_loader = [torch.cat([torch.randn(8, 2), torch.randint(0, 3, (8, 1)).float()], 1)]


def process_batch(batch, model, criterion, optimizer, is_training):
    X_batch = Variable(batch[:, :2], requires_grad=False)
    y_batch = Variable(batch[:, 2].long(), requires_grad=False)
    scores = model(X_batch)
    loss = criterion(scores, y_batch)
    if is_training:
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss


train_batch_loss = 0.0
for train_batch in train_loader:
    model.train()
    loss = process_batch(train_batch, model, criterion, optimizer, model.training)
    train_batch_loss += loss.data[0] / float(len(train_batch))
