# report: https://github.com/cyoon1729/Policy-Gradient-Methods/blob/c003fc7f624c31cc8e9ab304f6a6947c9f440214/td3/td3.py#L45
# family: optimizer-misuse
# expect: 18
# runtime: asserts the second critic never changes: its optimizer was built over the first critic's parameters
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def critic():
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))


critic1, critic2 = critic(), critic()
opt1 = torch.optim.Adam(critic1.parameters(), lr=1e-2)
opt2 = torch.optim.Adam(critic1.parameters(), lr=1e-2)

before = [p.detach().clone() for p in critic2.parameters()]
for _ in range(3):
    sa = torch.randn(8, 4)
    target = torch.randn(8, 1)
    loss1 = F.mse_loss(critic1(sa), target)
    loss2 = F.mse_loss(critic2(sa), target)
    opt1.zero_grad()
    loss1.backward()
    opt1.step()
    opt2.zero_grad()
    loss2.backward()
    opt2.step()

assert critic2[0].weight.grad is not None  # critic2 did get gradients...
assert all(torch.equal(b, p) for b, p in zip(before, critic2.parameters()))  # ...but was never stepped
