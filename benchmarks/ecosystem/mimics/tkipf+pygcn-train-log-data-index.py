# report: https://github.com/tkipf/pygcn/blob/687f2d4d84598d6ad1f1488e1e95b51c634a188c/pygcn/train.py#L84
# family: removed-api
# expect: 34 35
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n = 12
adj = torch.eye(n) * 0.5 + 0.5 / n
features = torch.randn(n, 6)
labels = torch.randint(0, 3, (n,))
idx_train, idx_val = torch.arange(0, 6), torch.arange(6, 12)
gc1, gc2 = nn.Linear(6, 8), nn.Linear(8, 3)
optimizer = torch.optim.Adam(list(gc1.parameters()) + list(gc2.parameters()), lr=0.01, weight_decay=5e-4)


def model(x, adj, training):
    h = F.dropout(F.relu(adj @ gc1(x)), 0.5, training=training)
    return F.log_softmax(adj @ gc2(h), dim=1)


def accuracy(output, labels):
    return output.max(1)[1].type_as(labels).eq(labels).double().sum() / len(labels)


optimizer.zero_grad()
output = model(features, adj, True)
loss_train = F.nll_loss(output[idx_train], labels[idx_train])
acc_train = accuracy(output[idx_train], labels[idx_train])
loss_train.backward()
optimizer.step()
print('loss_train: {:.4f}'.format(loss_train.data[0]),
      'acc_train: {:.4f}'.format(acc_train.data[0]))
