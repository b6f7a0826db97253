# report: https://github.com/XifengGuo/CapsNet-Pytorch/blob/8a5a3572d91eb9479425168d3d565eb02e78be46/capsulenet.py#L165
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(16, 10 * 4)
decoder = nn.Sequential(nn.Linear(40, 16), nn.Sigmoid())
optimizer = torch.optim.Adam(list(model.parameters()) + list(decoder.parameters()), lr=1e-3)


def caps_loss(y_true, y_pred, x, x_recon, lam_recon):
    L = y_true * torch.clamp(0.9 - y_pred, min=0.) ** 2 + 0.5 * (1 - y_true) * torch.clamp(y_pred - 0.1, min=0.) ** 2
    return L.sum(dim=1).mean() + lam_recon * nn.MSELoss()(x_recon, x)


training_loss = 0.0
for i in range(2):
    x, y = torch.rand(3, 16), torch.zeros(3, 10).scatter_(1, torch.tensor([[1], [5], [7]]), 1.)
    optimizer.zero_grad()
    caps = model(x).view(3, 10, 4)
    y_pred, x_recon = caps.norm(dim=-1), decoder((caps * y[:, :, None]).view(3, -1))
    loss = caps_loss(y, y_pred, x, x_recon, 0.392)
    loss.backward()
    training_loss += loss.data[0] * x.size(0)
    optimizer.step()
