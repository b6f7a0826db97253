# report: https://github.com/jakezhaojb/ARAE/blob/ee6b50b81516f907df80a8e6ebd35a1a232568ec/yelp/models.py#L178
# family: removed-api
# expect: 20
# runtime: raises TypeError: normal() received an invalid combination of arguments
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
encoder = nn.LSTM(8, 16, batch_first=True)
noise_r = 0.1


def encode(x, noise):
    _, (hidden, _) = encoder(x)
    hidden = hidden[-1]
    norms = torch.norm(hidden, 2, 1)
    hidden = torch.div(hidden, norms.unsqueeze(1).expand_as(hidden))
    if noise and noise_r > 0:
        gauss_noise = torch.normal(means=torch.zeros(hidden.size()), std=noise_r)
        hidden = hidden + Variable(gauss_noise)
    return hidden


h = encode(torch.randn(3, 4, 8), noise=True)
h.sum().backward()
