# report: https://github.com/zju3dv/NeuralRecon/issues/51
# family: optimizer-misuse
# expect: 16
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
# twin: optimizer-misuse-scheduler-before-step-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(6, 2)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[2, 4], gamma=0.5)
data = [(torch.randn(4, 6), torch.randint(0, 2, (4,))) for _ in range(2)]

for epoch in range(3):
    scheduler.step()
    for x, y in data:
        loss = nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
