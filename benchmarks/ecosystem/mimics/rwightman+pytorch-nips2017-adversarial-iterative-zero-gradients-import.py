# report: https://github.com/rwightman/pytorch-nips2017-adversarial/blob/1727494ea3bfcbc3b4754b35096e816e1269ff38/python/attacks/iterative.py#L6
# family: removed-api
# expect: 8
# runtime: raises ImportError: cannot import name 'zero_gradients'
import torch
import torch.nn as nn
from torch import autograd
from torch.autograd.gradcheck import zero_gradients

torch.manual_seed(0)
target_model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10), nn.LogSoftmax(dim=1))
input = torch.rand(2, 3, 2, 2)
input_var = autograd.Variable(input, requires_grad=True)
target_var = autograd.Variable(torch.tensor([1, 4]))
for step in range(3):
    zero_gradients(input_var)
    loss = nn.functional.nll_loss(target_model(input_var), target_var)
    loss.backward()
    input_var.data = torch.clamp(input_var.data - 0.01 * torch.sign(input_var.grad.data), 0.0, 1.0)
