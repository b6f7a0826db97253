# report: https://github.com/claravania/lstm-pytorch/blob/40c4fbd3988fd9a4f3f21e24dabe50795b85fd67/train.py#L86
# family: graph-kept
# expect: 34,43
# runtime: asserts total_loss += loss keeps every batch's loss graph: the validation total is still differentiable through all batches and the training total links every batch
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Dropout(0.2), nn.Linear(8 * 5, 4), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, weight_decay=1e-4)
criterion = nn.NLLLoss(reduction="sum")
train_set = [(torch.randint(0, 20, (3, 5)), torch.randint(0, 4, (3,))) for _ in range(4)]
dev_set = [(torch.randint(0, 20, (1, 5)), torch.randint(0, 4, (1,))) for _ in range(5)]


def loss_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(n for n, _ in node.next_functions)
    return sum(type(n).__name__.startswith("NllLoss") for n in seen)


def train_epoch():
    total_loss = 0
    for batch, targets in train_set:
        model.zero_grad()
        loss = criterion(model(batch), targets)
        loss.backward()
        optimizer.step()
        total_loss += loss
    return total_loss


def evaluate_validation_set():
    total_loss = 0
    for batch, targets in dev_set:
        pred = model(batch)
        loss = criterion(pred, targets)
        total_loss += loss
    return total_loss


train_total = train_epoch()
assert train_total.requires_grad and loss_nodes(train_total.grad_fn) == len(train_set)
val_total = evaluate_validation_set()
assert val_total.requires_grad and loss_nodes(val_total.grad_fn) == len(dev_set)
# the whole dev-set graph, saved activations included, is still alive: backward through it works
val_total.backward()
assert model[0].weight.grad is not None
