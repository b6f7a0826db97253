# report: https://github.com/sweetice/Deep-reinforcement-learning-with-pytorch/blob/7b9fac7e5e40ffdc6f7ccb8b0a81e7841370a996/Char02%20Policy%20Gradient/REINFORCE_with_Baseline.py#L122
# family: optimizer-misuse
# expect: 15
# runtime: asserts clip_grad_norm_ given the loss clips nothing: the parameters' gradient norm stays above the limit
import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_

torch.manual_seed(0)
net = nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
opt.zero_grad()
loss = -(10.0 * net(torch.randn(1, 4)) - 3.0).sum()
loss.backward(retain_graph=True)
clip_grad_norm_(loss, 0.1)
total = torch.sqrt(sum(p.grad.pow(2).sum() for p in net.parameters()))
assert total > 0.1
opt.step()
