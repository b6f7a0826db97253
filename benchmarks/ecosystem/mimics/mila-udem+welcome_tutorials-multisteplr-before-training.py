# report: https://github.com/mila-udem/welcome_tutorials/blob/2c2f46214d3e8be95ebdf1423072145ef53056af/pytorch/4.%20Image%20Classification%20with%20Convnets%20and%20ResNets.ipynb
# family: optimizer-misuse
# expect: 20
# runtime: asserts scheduler.step() at the top of each epoch (before optimizer.step()) shifts the MultiStepLR milestones one epoch early: the lr drops for the epoch before the milestone
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
clf = nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(clf.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[3, 5], gamma=0.1)
trainloader = [(torch.randn(4, 6), torch.randint(0, 3, (4,)))]
epoch_lrs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(6):
        losses = []
        scheduler.step()
        for inputs, targets in trainloader:
            optimizer.zero_grad()
            loss = criterion(clf(inputs), targets)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        epoch_lrs.append(optimizer.param_groups[0]["lr"])
assert any("lr_scheduler.step()" in str(w.message) for w in caught)
assert abs(epoch_lrs[2] - 0.01) < 1e-12  # epoch 2 already decayed; milestone was epoch 3
