# report: https://github.com/hungtuchen/pytorch-dqn/blob/1ffda6f3724b3bb37c3195b09b651b1682d4d4fd/dqn_learn.py#L158
# family: removed-api
# expect: 16
# runtime: raises IndexError: too many indices for tensor of dimension 1
import torch
import torch.nn as nn

torch.manual_seed(0)
Q = nn.Linear(4, 3)


def greedy_action(model, obs):
    return model(obs.unsqueeze(0)).data.max(1)[1].cpu()  # max(1) no longer keeps the dim: shape (1,)


action = greedy_action(Q, torch.randn(4))[0, 0]
