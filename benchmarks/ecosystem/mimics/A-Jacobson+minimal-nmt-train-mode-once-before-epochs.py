# report: https://github.com/A-Jacobson/minimal-nmt/blob/dc75e83579a181586acabfa3f22ad269d1e31fbf/utils.py#L82
# family: module-misuse
# expect: 34
# runtime: asserts the second epoch trains with dropout off: evaluate() leaves the model in eval mode and train() set train mode only once
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Dropout(0.5), nn.Linear(8, 20))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
batches = [torch.randint(0, 20, (6, 3)) for _ in range(2)]
modes_seen = []


def evaluate(model, val_batches):
    model.eval()
    total = 0.0
    for src in val_batches:
        out = model(src)
        total += F.cross_entropy(out.view(-1, 20), src.view(-1)).item()
    return total / len(val_batches)


def train(model, optimizer, train_batches, val_batches, num_epochs):
    model.train()  # only once, before the epoch loop
    for _ in range(num_epochs):
        for src in train_batches:
            modes_seen.append(model.training)
            optimizer.zero_grad()
            loss = F.cross_entropy(model(src).view(-1, 20), src.view(-1))
            loss.backward()
            optimizer.step()
        evaluate(model, val_batches)


train(model, optimizer, batches, batches, num_epochs=2)
# the first epoch trains with dropout, every later epoch silently without
assert modes_seen == [True, True, False, False], modes_seen
