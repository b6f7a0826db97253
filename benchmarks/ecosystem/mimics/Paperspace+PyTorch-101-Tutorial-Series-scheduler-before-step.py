# report: https://github.com/Paperspace/PyTorch-101-Tutorial-Series/blob/6478464d1559b1fe37689f415d1f56cd4f75f605/PyTorch%20101%20Part%202%20-%20Building%20Neural%20Networks%20With%20PyTorch.ipynb
# family: optimizer-misuse
# expect: 19
# runtime: asserts MultiStepLR decays one epoch before its milestone because scheduler.step() runs before the epoch's optimizer steps
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
clf = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(clf.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[2, 3], gamma=0.1)
trainloader = [(torch.randn(4, 6), torch.randint(0, 3, (4,))) for _ in range(2)]
lr_in_epoch = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(4):
        scheduler.step()
        lr_in_epoch.append(optimizer.param_groups[0]["lr"])
        for inputs, targets in trainloader:
            optimizer.zero_grad()
            loss = criterion(clf(inputs), targets)
            loss.backward()
            optimizer.step()

assert any("lr_scheduler.step()" in str(w.message) for w in caught)
assert abs(lr_in_epoch[1] - 0.01) < 1e-9, lr_in_epoch  # milestone 2 already applied in epoch 1
