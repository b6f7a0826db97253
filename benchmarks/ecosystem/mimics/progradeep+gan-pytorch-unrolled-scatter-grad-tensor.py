# report: https://github.com/progradeep/gan-pytorch/blob/178bdb0c4e0e4227a66854a1466ce5897a2042bb/UnrolledGAN/trainer.py#L134
# family: numpy-conversion
# expect: 20
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable


def scatter(xs, ys):
    # what matplotlib's scatter does with its inputs first
    return np.asarray(xs), np.asarray(ys)


torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
fixed_noise = Variable(torch.randn(10, 4))
for epoch in range(1):
    fake = G(fixed_noise)
    scatter(fake[:, 0], fake[:, 1])
