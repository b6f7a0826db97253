# report: https://github.com/GuHongyang/VaDE-pytorch/blob/52a42ce75feaca7972372d270828121e3988976b/main.py#L65
# family: optimizer-misuse
# expect: 17
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
vade = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 8), nn.Sigmoid())
opti = torch.optim.Adam(vade.parameters(), lr=2e-3)
lr_s = torch.optim.lr_scheduler.StepLR(opti, step_size=3, gamma=0.5)
DL = [torch.rand(5, 8) for _ in range(2)]
lrs = []

for epoch in range(4):
    lr_s.step()
    L = 0
    for x in DL:
        loss = F.binary_cross_entropy(vade(x), x)
        opti.zero_grad()
        loss.backward()
        opti.step()
        L += loss.detach().cpu().numpy()
    lrs.append(opti.param_groups[0]["lr"])

assert abs(lrs[2] - 1e-3) < 1e-12  # decayed after 2 trained epochs instead of 3
