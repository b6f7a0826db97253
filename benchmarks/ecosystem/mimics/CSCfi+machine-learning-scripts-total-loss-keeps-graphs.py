# report: https://github.com/CSCfi/machine-learning-scripts/blob/57a2f70eb30cb9815f342f4efe36d419f9b8c5df/examples/pytorch_dvc_cnn_simple.py#L89
# family: graph-kept
# expect: 25
# runtime: asserts total_loss += loss sums the loss tensors themselves: the epoch total requires grad and its graph links every batch's loss graph
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
data_loader = [(torch.randn(4, 8), torch.randint(0, 2, (4,))) for _ in range(6)]


def train(data_loader, model, criterion, optimizer):
    model.train()
    num_batches = 0
    num_items = 0
    total_loss = 0
    total_correct = 0
    for data, target in data_loader:
        target = target.to(torch.float)
        output = model(data).view(-1)
        loss = criterion(output, target)
        total_loss += loss
        num_batches += 1
        total_correct += ((output > 0.5).float() == target).sum().item()
        num_items += len(target)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    return {'loss': total_loss / num_batches, 'accuracy': total_correct / num_items}


def loss_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(n for n, _ in node.next_functions)
    return sum(type(n).__name__.startswith("BinaryCrossEntropy") for n in seen)


ret = train(data_loader, model, criterion, optimizer)
assert ret['loss'].requires_grad
assert loss_nodes(ret['loss'].grad_fn) == len(data_loader)
