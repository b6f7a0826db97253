# report: https://github.com/rarilurelo/pytorch_a3c/blob/83c7534d953590f33367c56fe0e1d599c91a7468/run_a3c.py#L40
# family: removed-api
# expect: 20,24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(6, 4)
critic = nn.Linear(6, 1)


def env_step(a):
    return torch.randn(6).numpy(), 1.0, False


obs = torch.randn(1, 6)
act = F.softmax(net(obs), dim=1).multinomial(1)
nxt, r, done = env_step(act.data.squeeze()[0])
# bootstrap value of the last observation
R = 0.0
v = critic(torch.from_numpy(nxt).unsqueeze(0))
R += v.data.squeeze()[0]
print(R)
