# report: https://github.com/vmasrani/pytorch_sparse_collab_filt/blob/ef5079a675f38cf8a32f5c7d24430f1142caad42/train.py#L59
# family: removed-api
# expect: 31,38
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
users = nn.Embedding(12, 4, sparse=True)
items = nn.Embedding(9, 4, sparse=True)
params = list(users.parameters()) + list(items.parameters())
optimizer = torch.optim.SparseAdam(params, lr=0.1)
mse = nn.MSELoss()


def predict(u, i):
    return (users(u) * items(i)).sum(1)


u = torch.randint(0, 12, (16,))
i = torch.randint(0, 9, (16,))
r = torch.rand(16) * 5

train_loss, test_loss = 0.0, 0.0
for step in range(2):
    pred = predict(u, i)
    loss = mse(pred, r)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    train_loss += loss.data[0]

for step in range(2):
    with torch.no_grad():
        pred = predict(u, i)
    loss = mse(pred, r)
    test_loss += loss.data[0]
print(train_loss, test_loss)
