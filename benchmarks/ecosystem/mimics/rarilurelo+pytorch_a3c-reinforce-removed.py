# report: https://github.com/rarilurelo/pytorch_a3c/blob/83c7534d953590f33367c56fe0e1d599c91a7468/run_a3c.py#L80
# family: removed-api
# expect: 20
# runtime: raises RuntimeError: reinforce() was removed
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(5, 3)
vnet = nn.Linear(5, 1)
acts, vals = [], []
for _ in range(3):
    o = torch.randn(1, 5)
    acts.append(F.softmax(net(o), dim=1).multinomial(1))
    vals.append(vnet(o))
returns = torch.tensor([1.0, 0.5, 0.2])
v_loss = 0
for a, v, ret in zip(acts, vals, returns):
    a.reinforce(ret - v.data.squeeze())
    v_loss = v_loss + (v.squeeze() - ret) ** 2
