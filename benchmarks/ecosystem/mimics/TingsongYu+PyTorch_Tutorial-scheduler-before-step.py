# report: https://github.com/TingsongYu/PyTorch_Tutorial/blob/0847dd51ceca50346775ebe3df013cc4531a10ef/Code/main_training/main.py#L120
# family: optimizer-misuse
# expect: 19
# runtime: asserts the StepLR decay lands one epoch early because scheduler.step() runs before any optimizer.step()
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.001, momentum=0.9, dampening=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.1)
data = [(torch.randn(4, 5), torch.randint(0, 3, (4,))) for _ in range(2)]
lr_used = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(4):
        scheduler.step()  # "update the learning rate" at the start of the epoch
        lr_used.append(optimizer.param_groups[0]["lr"])
        for inputs, labels in data:
            optimizer.zero_grad()
            loss = criterion(net(inputs), labels)
            loss.backward()
            optimizer.step()

assert any("lr_scheduler.step()" in str(w.message) for w in caught)
# step_size=3 should give 3 epochs at 1e-3; only 2 are trained at the initial rate
assert abs(lr_used[2] - 1e-4) < 1e-12, lr_used
