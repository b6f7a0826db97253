# report: https://github.com/DuaneNielsen/DeepInfomaxPytorch/blob/2fa707545db93ebec10366f43b98933cd611ba55/classification.py#L81
# family: module-misuse
# expect: 34
# runtime: asserts the test loop runs the BatchNorm classifier in training mode: predictions use test-batch statistics (depend on batch composition) and the test batches overwrite the running statistics
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
classifier = nn.Sequential(
    nn.Linear(8, 15), nn.BatchNorm1d(15), nn.ReLU(),
    nn.Linear(15, 10), nn.BatchNorm1d(10),
)
optim = torch.optim.Adam(classifier.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
train_x = torch.randn(64, 8)
train_t = torch.randint(0, 10, (64,))
for _ in range(3):
    optim.zero_grad()
    loss = criterion(F.softmax(classifier(train_x), dim=1), train_t)
    loss.backward()
    optim.step()

running_before = classifier[1].running_mean.clone()
test_x = torch.randn(16, 8) * 3 + 2
single = test_x[:4]
with torch.no_grad():
    reference = copy.deepcopy(classifier).eval()(single)

confusion = torch.zeros(10, 10)
for x in (test_x, single):
    y = classifier(x)
    _, predicted = y.detach().max(1)

assert not torch.allclose(y, reference, atol=1e-4)
assert not torch.allclose(classifier[1].running_mean, running_before)
