# report: https://github.com/rasbt/stat453-deep-learning-ss20/blob/61534929fe671b30e751733577d0c2b5d4898669/L13-cnns-part2/code/nin-cifar10.ipynb
# family: module-misuse
# expect: 36,37
# runtime: asserts the accuracy pass runs with dropout active (model never put in eval mode), so repeated evaluations disagree
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(64, 4))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x, y = torch.randn(32, 10), torch.randint(0, 4, (32,))
loader = [(x[:16], y[:16]), (x[16:], y[16:])]


def compute_accuracy(model, data_loader):
    correct_pred, num_examples = 0, 0
    outs = []
    for features, targets in data_loader:
        logits = model(features)
        outs.append(logits)
        _, predicted_labels = torch.max(logits, 1)
        num_examples += targets.size(0)
        correct_pred += (predicted_labels == targets).sum()
    return correct_pred.float() / num_examples * 100, torch.cat(outs)


for epoch in range(2):
    model.train()
    for features, targets in loader:
        cost = F.cross_entropy(model(features), targets)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    with torch.set_grad_enabled(False):
        acc1, out1 = compute_accuracy(model, loader)
        acc2, out2 = compute_accuracy(model, loader)

assert model.training  # still in training mode while scoring
assert not torch.allclose(out1, out2)  # dropout makes the "accuracy" logits random
