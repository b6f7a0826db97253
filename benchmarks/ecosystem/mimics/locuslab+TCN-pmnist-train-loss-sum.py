# report: https://github.com/locuslab/TCN/blob/2f8c2b817050206397458dfd1f5a25ce8a32fe65/TCN/mnist_pixel/pmnist_test.py#L87
# family: graph-kept
# expect: 40
# runtime: asserts train_loss += loss keeps every batch's graph alive until the log interval resets it
import torch
import torch.nn as nn
import torch.nn.functional as F


def count_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(next_fn for next_fn, _ in node.next_functions)
    return len(seen)


torch.manual_seed(0)
tcn = nn.Sequential(nn.Conv1d(1, 4, 3, padding=2, dilation=1), nn.ReLU(), nn.Conv1d(4, 4, 3, padding=4, dilation=2), nn.ReLU())
linear = nn.Linear(4, 3)


def model(x):
    y = tcn(x)
    return F.log_softmax(linear(y[:, :, -1]), dim=1)


optimizer = torch.optim.Adam(list(tcn.parameters()) + list(linear.parameters()), lr=2e-3)
loader = [(torch.randn(2, 1, 10), torch.tensor([0, 2])) for _ in range(5)]
train_loss = 0
log_interval = 100
for batch_idx, (data, target) in enumerate(loader):
    optimizer.zero_grad()
    loss = F.nll_loss(model(data), target)
    loss.backward()
    optimizer.step()
    train_loss += loss
    if batch_idx > 0 and batch_idx % log_interval == 0:
        train_loss = 0

assert train_loss.requires_grad
one_batch = count_nodes(F.nll_loss(model(loader[0][0]), loader[0][1]).grad_fn)
assert count_nodes(train_loss.grad_fn) > 3 * one_batch  # the five batch graphs (sharing only the parameter leaves) are all still referenced
