# report: https://github.com/rwightman/pytorch-nips2017-adversarial/blob/1727494ea3bfcbc3b4754b35096e816e1269ff38/python/attacks/carlini_wagner_l2.py#L123
# family: removed-api
# expect: 15
# runtime: raises TypeError: normal() received an invalid combination of arguments
import torch
import torch.nn as nn
from torch import autograd, optim

torch.manual_seed(0)
target_model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
input = torch.rand(2, 3, 2, 2)

input_var = autograd.Variable(input, requires_grad=False)
modifier = torch.zeros(input_var.size()).float()
modifier = torch.normal(means=modifier, std=0.001)  # keyword renamed to mean in 0.4
modifier_var = autograd.Variable(modifier, requires_grad=True)
optimizer = optim.Adam([modifier_var], lr=0.1)
for step in range(3):
    input_adv = torch.clamp(modifier_var + input_var, 0.0, 1.0)
    loss = target_model(input_adv).max(1)[0].sum() + (input_adv - input_var).pow(2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
