# report: https://github.com/alexis-jacq/Pytorch-Tutorials/blob/d464a69f2e0e892ceed2a1a2cada12a52c180bc5/Neural_Style.py#L238
# family: removed-api
# expect: 32 33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
conv = nn.Conv2d(3, 4, 3)
style = torch.rand(1, 3, 6, 6)


def gram(x):
    a, b, c, d = x.size()
    f = x.view(a * b, c * d)
    return torch.mm(f, f.t()).div(a * b * c * d)


target = gram(conv(style)).detach()
img = nn.Parameter(torch.rand(1, 3, 6, 6))
optimizer = torch.optim.LBFGS([img], max_iter=2)
run = [0]


def closure():
    optimizer.zero_grad()
    style_score = 0
    loss = nn.functional.mse_loss(gram(conv(img)), target)
    loss.backward(retain_graph=True)
    style_score += loss
    run[0] += 1
    print(style_score.data[0])
    print(style_score.data[0])
    return style_score


optimizer.step(closure)
