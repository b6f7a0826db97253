# report: https://github.com/cpark321/uncertainty-deep-learning/blob/70392b7efaa7ae2286503e8dc076ea7958a4a860/04.%20Temperature_scaling.ipynb
# family: graph-kept
# expect: 21
# runtime: asserts avg_loss += loss / total_batch sums the loss tensors, so every batch's autograd graph (and saved activations) stays reachable from avg_loss until the epoch ends
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8 * 3 * 3, 10))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
train_loader = [(torch.rand(4, 3, 8, 8), torch.randint(0, 10, (4,))) for _ in range(5)]
total_batch = len(train_loader)
avg_loss = 0
for num, (X, Y) in enumerate(train_loader):
    pred = model(X)
    loss = criterion(pred, Y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    avg_loss += loss / total_batch


def count_nodes(fn, name, seen=None):
    seen = set() if seen is None else seen
    if fn is None or fn in seen:
        return 0
    seen.add(fn)
    return (type(fn).__name__ == name) + sum(count_nodes(f, name, seen) for f, _ in fn.next_functions)


assert avg_loss.requires_grad
assert count_nodes(avg_loss.grad_fn, "NllLossBackward0") == total_batch  # every batch's graph is still alive
