# report: https://github.com/lopuhin/kaggle-dstl/blob/b1d3a518bbbd3503bdf07400841183d2386fd158/train.py#L78
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 2, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(net.parameters(), lr=1e-4, weight_decay=0.0)
bce_loss = nn.BCELoss()


def losses(ys, y_preds):
    out = []
    for cls_idx in range(2):
        out.append(bce_loss(y_preds[:, cls_idx], ys[:, cls_idx]) * 1.0)
    return out


x, y = torch.randn(4, 3, 6, 6), (torch.rand(4, 2, 6, 6) > 0.5).float()
optimizer.zero_grad()
y_pred = net(x)
ls = losses(y, y_pred)
cls_losses = [float(l.data[0]) for l in ls]
loss = ls[0]
for l in ls[1:]:
    loss += l
(loss * x.size(0)).backward()
optimizer.step()
