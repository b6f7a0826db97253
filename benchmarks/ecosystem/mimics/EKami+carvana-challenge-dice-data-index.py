# report: https://github.com/EKami/carvana-challenge/blob/4e1c43f306cfbef1df267acfce59bdcf19504850/src/nn/classifier.py#L108
# family: removed-api
# expect: 35
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


def dice_coeff(pred, target):
    num = pred.size(0)
    m1, m2 = pred.view(num, -1), target.view(num, -1)
    inter = (m1 * m2).sum()
    return (2.0 * inter + 1.0) / (m1.sum() + m2.sum() + 1.0)


def criterion(logits, labels):
    bce = nn.BCELoss()(torch.sigmoid(logits).view(-1), labels.view(-1))
    probs = torch.sigmoid(logits).view(labels.size(0), -1)
    m2 = labels.view(labels.size(0), -1)
    dice = 2.0 * ((probs * m2).sum(1) + 1) / (probs.sum(1) + m2.sum(1) + 1)
    return bce + (1 - dice.sum() / labels.size(0))


torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 1, 1))
optimizer = torch.optim.Adam(net.parameters())
inputs, target = Variable(torch.randn(2, 3, 8, 8)), Variable((torch.rand(2, 1, 8, 8) > 0.5).float())
logits = net(inputs)
pred = (torch.sigmoid(logits) > 0.5).float()
loss = criterion(logits, target)
optimizer.zero_grad()
loss.backward()
optimizer.step()
acc = dice_coeff(pred, target)
stats = (loss.item(), acc.data[0])
