# report: https://github.com/jostmey/NakedAttention/issues/1
# family: graph-kept
# expect: 24
# runtime: asserts the epoch average holds the graph of every batch of the epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Linear(8 * 5, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
loader = [(torch.randint(0, 20, (4, 5)), torch.randint(0, 2, (4,))) for _ in range(5)]


def train_epoch():
    e_train, a_train = 0.0, 0.0
    for xs, ys in loader:
        logits = model(xs)
        e_batch = loss_fn(logits, ys)
        a_batch = (logits.argmax(1) == ys).float().mean()
        optimizer.zero_grad()
        e_batch.backward()
        optimizer.step()
        e_train += e_batch / len(loader)
        a_train += a_batch / len(loader)
    return e_train, a_train


e_train, a_train = train_epoch()
assert e_train.grad_fn is not None and a_train.grad_fn is None
