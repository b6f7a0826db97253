# report: https://github.com/alexis-jacq/Pytorch-DPPO/blob/ec9303419078689d38a0eb89f220f69e3e105897/train.py#L166
# family: removed-api
# expect: 15
# runtime: raises TypeError: retain_variables
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
states = torch.randn(4, 3)
advantages = torch.randn(4, 1)
mu = model(states)
total_loss = -(mu * advantages).mean()
model.zero_grad()
total_loss.backward(retain_variables=True)
