# report: https://github.com/lopuhin/kaggle-dstl/blob/b1d3a518bbbd3503bdf07400841183d2386fd158/train.py#L110
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 1, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(net.parameters(), lr=1e-4)
bce_loss = nn.BCELoss()
log_w, dice_w = 1.0, 0.5


def cls_loss(y, y_pred):
    loss = 0.
    loss += bce_loss(y_pred, y) * log_w
    intersection = (y_pred * y).sum()
    uwi = y_pred.sum() + y.sum()  # a 0-dim tensor since torch 0.4
    if uwi[0] != 0:
        loss += (1 - intersection / uwi) * dice_w
    loss /= (log_w + dice_w)
    return loss


x, y = torch.randn(2, 3, 6, 6), (torch.rand(2, 1, 6, 6) > 0.5).float()
optimizer.zero_grad()
loss = cls_loss(y[:, 0], net(x)[:, 0])
loss.backward()
optimizer.step()
