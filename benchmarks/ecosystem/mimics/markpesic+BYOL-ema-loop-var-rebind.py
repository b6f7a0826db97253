# report: https://github.com/markpesic/BYOL/blob/e82f638a292177a7577046405bf61c4e3f97919f/BYOL/byol.py#L104
# family: module-misuse
# expect: 23
# runtime: asserts pTa = t*pTa + (1-t)*pOn rebinds the loop variable: the target network is never updated and keeps its own random initialization
import torch
import torch.nn as nn

torch.manual_seed(0)
online = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(inplace=True), nn.Linear(16, 4))
target = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(inplace=True), nn.Linear(16, 4))
for p in target.parameters():
    p.requires_grad = False
opt = torch.optim.SGD(list(online.parameters()) + list(target.parameters()), lr=0.1)
target_init = [p.detach().clone() for p in target.parameters()]
t = 0.996

for _ in range(3):
    x = torch.randn(6, 8)
    loss = (online(x) - target(x)).pow(2).sum(-1).mean()
    opt.zero_grad(); loss.backward(); opt.step()
    with torch.no_grad():
        for pOn, pTa in zip(online.parameters(), target.parameters()):
            pTa = t * pTa + (1. - t) * pOn

assert all(torch.equal(a, b) for a, b in zip(target_init, target.parameters()))
assert not torch.equal(online[0].weight.detach(), target[0].weight.detach())
