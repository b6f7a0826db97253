# report: https://github.com/pytorch/pytorch/issues/19778
# family: grad-missing
# expect: 13 15
# runtime: raises AttributeError: 'NoneType' object has no attribute 'abs'
import torch
import torch.nn as nn

torch.manual_seed(0)
regressor = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))


def input_sensitivity(model, values):
    inputs = torch.tensor(values, requires_grad=True).view(-1, 1)
    model(inputs).sum().backward()
    return inputs.grad.abs().squeeze(1)


doses = [0.25, 0.5, 0.75, 1.0]
sensitivity = input_sensitivity(regressor, doses)
