# report: https://github.com/omerbsezer/Fast-Pytorch/blob/6f60db9470dad61a22b0e00ae952e21861cca427/Learning_Pytorch/TransferLearning.ipynb
# family: optimizer-misuse
# expect: 19
# runtime: asserts StepLR.step() at the top of each epoch, before any optimizer.step(), warns and decays the lr one epoch early
import warnings
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
fc = nn.Linear(6, 2)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(fc.parameters(), lr=0.001, momentum=0.9)
exp_lr_scheduler = lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)
lrs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(3):
        exp_lr_scheduler.step()
        for images, labels in [(torch.randn(4, 6), torch.randint(0, 2, (4,)))]:
            optimizer.zero_grad()
            loss = criterion(fc(images), labels)
            loss.backward()
            optimizer.step()
            lrs.append(optimizer.param_groups[0]["lr"])
assert any("lr_scheduler.step()" in str(w.message) for w in caught)
assert lrs[1] < 0.001, lrs
