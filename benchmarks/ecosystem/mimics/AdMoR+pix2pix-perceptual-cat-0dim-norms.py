# report: https://github.com/AdMoR/pix2pix/blob/ce6f328debfc5a5894d1015fa4ed36fb6d9068c0/nn_utils/perceptual_loss.py#L36
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: zero-dimensional tensor (at position 0) cannot be concatenated
import torch
import torch.nn as nn

torch.manual_seed(0)
blocks = [nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)),
          nn.Sequential(nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))]


def features(x):
    outs = []
    for block in blocks:
        x = block(x)
        outs.append(x)
    return outs


def perceptual_loss(x_1, x_2):
    x_1, x_2 = features(x_1), features(x_2)
    return (1. / len(x_1)) * torch.sum(torch.cat([torch.norm(x_1[i] - x_2[i], 1) for i in range(len(x_1))]))


gen = nn.Conv2d(3, 3, 3, padding=1)
x, y = torch.rand(2, 3, 16, 16), torch.rand(2, 3, 16, 16)
loss = perceptual_loss(gen(x), y)
loss.backward()
