# report: https://github.com/kimhc6028/pytorch-noreward-rl/blob/b0cfb5b58509f2b1555671e18b9cee0230fc2a55/train.py#L105
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index to scalar variable
import torch
import torch.nn as nn

torch.manual_seed(0)
phi = nn.Sequential(nn.Linear(10, 8), nn.ELU())
fwd = nn.Sequential(nn.Linear(8 + 3, 16), nn.ReLU(), nn.Linear(16, 8))
eta = 0.01
s_t, s_t1 = torch.randn(1, 10), torch.randn(1, 10)
a_t = torch.tensor([[0.0, 1.0, 0.0]])
vec_st, vec_st1 = phi(s_t), phi(s_t1)
forward = fwd(torch.cat((vec_st, a_t), 1))

reward = 1.0
# sum(1) no longer keeps the dim: shape (1,), not (1, 1)
reward_intrinsic = eta * ((vec_st1 - forward).pow(2)).sum(1) / 2.0
reward_intrinsic = reward_intrinsic.data.numpy()[0][0]
reward += reward_intrinsic
