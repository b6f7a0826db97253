# report: https://github.com/jingweiz/pytorch-rl/blob/20b3b738ca400b1916197f27a91367878b09803c/core/agents/a3c_single_process.py#L74
# family: numpy-conversion
# expect: 14
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn
import torch.nn.functional as F

policy = nn.Linear(4, 3)
state_vb = torch.randn(1, 4)
p_vb = F.softmax(policy(state_vb), dim=1)
training = False
if not training:
    action = p_vb.max(1)[1].data.squeeze().numpy()[0]
