# report: https://github.com/onlytailei/A3C-PyTorch/blob/5400de41fda7b8a8d7fe14d867a84b27cf550007/A3C.py#L121
# family: removed-api
# expect: 17
# runtime: raises TypeError: missing 1 required positional arguments
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy = nn.Linear(8, 6)
state = torch.randn(1, 8)
pl_roll = []
for t in range(3):
    pl = F.softmax(policy(state), dim=1)
    pl_roll.append(pl)
    # sample one action from the (1, A) policy, as written for torch 0.1
    action = pl.multinomial().data.numpy()[0]
