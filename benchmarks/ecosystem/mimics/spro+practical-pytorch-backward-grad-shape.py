# report: https://github.com/spro/practical-pytorch/blob/c520c52e68e945d88fff563dba1c028b6ec0197b/reinforce-gridworld/reinforce-gridworld.py#L251
# family: non-scalar-backward
# expect: 20
# runtime: raises RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([1])
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(6, 5)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
mse = nn.MSELoss()
value_loss = 0
for r in [0.5, 1.0]:
    x = net(torch.randn(1, 6))
    value = x[:, 4]
    value_loss += mse(value, torch.tensor([r]))  # MSELoss is 0-dim since torch 0.4
opt.zero_grad()
# a (1,) gradient for a 0-dim output
torch.autograd.backward([value_loss], [torch.ones(1)])
opt.step()
