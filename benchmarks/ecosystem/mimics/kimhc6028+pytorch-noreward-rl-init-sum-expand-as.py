# report: https://github.com/kimhc6028/pytorch-noreward-rl/blob/b0cfb5b58509f2b1555671e18b9cee0230fc2a55/model.py#L13
# family: removed-api
# expect: 11
# runtime: raises RuntimeError: The expanded size of the tensor
import torch
import torch.nn as nn


def normalized_columns_initializer(weights, std=1.0):
    out = torch.randn(weights.size())
    out *= std / torch.sqrt(out.pow(2).sum(1).expand_as(out))  # sum(1) dropped the kept dim
    return out


torch.manual_seed(0)
critic = nn.Linear(256, 1)
critic.weight.data = normalized_columns_initializer(critic.weight.data, 1.0)  # (1, 256): still works
actor = nn.Linear(256, 3)
actor.weight.data = normalized_columns_initializer(actor.weight.data, 0.01)  # (3, 256): raises
