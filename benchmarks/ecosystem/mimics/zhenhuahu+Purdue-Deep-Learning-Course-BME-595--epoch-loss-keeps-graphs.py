# report: https://github.com/zhenhuahu/Purdue-Deep-Learning-Course-BME-595-/blob/04a736da02c1062aad434f3bd8c8669f2a28dd95/hw6/train.py#L189
# family: graph-kept
# expect: 24
# runtime: asserts the epoch loss sum still holds every batch's graph (its grad_fn chain reaches back to the first batch)
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(16, 5), nn.Softmax(dim=1))
for p in net.parameters():
    p.requires_grad = False
for p in net[3].parameters():
    p.requires_grad = True
criterion = nn.CrossEntropyLoss()
opt = torch.optim.Adam(net[3].parameters(), lr=1e-3)
batches = [(torch.randn(4, 8), torch.randint(0, 5, (4,))) for _ in range(6)]

train_loss = 0.
for data, target in batches:
    data.requires_grad = True
    opt.zero_grad()
    out = net(data)
    batch_loss = criterion(out, target)
    train_loss = train_loss + batch_loss
    batch_loss.backward()
    opt.step()

assert train_loss.requires_grad and train_loss.grad_fn is not None


def depth(fn):
    n = 0
    while fn is not None and fn.name().startswith("Add"):
        n += 1
        fn = fn.next_functions[0][0]
    return n


# one AddBackward node per batch: all six batch graphs are still reachable
assert depth(train_loss.grad_fn) >= len(batches) - 1
