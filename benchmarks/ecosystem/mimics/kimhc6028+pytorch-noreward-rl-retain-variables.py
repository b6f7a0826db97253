# report: https://github.com/kimhc6028/pytorch-noreward-rl/blob/b0cfb5b58509f2b1555671e18b9cee0230fc2a55/train.py#L159
# family: removed-api
# expect: 20
# runtime: raises TypeError: backward() got an unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn

torch.manual_seed(0)
enc = nn.Linear(10, 8)
inv = nn.Sequential(nn.Linear(16, 3), nn.Softmax(dim=1))
pol = nn.Linear(8, 3)
s0, s1 = torch.randn(1, 10), torch.randn(1, 10)
f0, f1 = enc(s0), enc(s1)
a = torch.tensor([[1.0, 0.0, 0.0]])
inverse_loss = -(a * torch.log(inv(torch.cat((f0, f1), 1)) + 1e-15)).sum(1)
forward_loss = 0.5 * (f1 - f0).pow(2).sum(1)
policy_loss = -torch.log_softmax(pol(f0), 1)[:, 0]
beta, lmbda = 0.2, 0.1

((1 - beta) * inverse_loss + beta * forward_loss).backward(retain_variables=True)
(lmbda * policy_loss).backward()
