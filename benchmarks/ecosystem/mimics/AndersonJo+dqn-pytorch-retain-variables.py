# report: https://github.com/AndersonJo/dqn-pytorch/blob/03c6af71f087e7764d58b27362657494a2fc99f0/dqn.py#L514
# family: removed-api
# expect: 17
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
dqn = nn.Linear(6, 2)
optimizer = torch.optim.Adam(dqn.parameters(), lr=1e-4)
q_values = dqn(torch.randn(4, 6)).gather(1, torch.tensor([[0], [1], [1], [0]]))
target_values = torch.randn(4, 1)

loss = F.smooth_l1_loss(q_values, target_values)
optimizer.zero_grad()
loss.backward(retain_variables=True)
for param in dqn.parameters():
    param.grad.data.clamp_(-1, 1)
optimizer.step()
