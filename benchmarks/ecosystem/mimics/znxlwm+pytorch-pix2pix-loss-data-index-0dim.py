# report: https://github.com/znxlwm/pytorch-pix2pix/blob/3059f2af53324e77089bbcfc31279f01a38c40b8/pytorch_pix2pix.py#L128
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

G = nn.Sequential(nn.Conv2d(3, 3, 3, 1, 1), nn.Tanh())
D_conv = nn.Conv2d(6, 1, 4, 1, 1)


def D(inp, label):
    return torch.sigmoid(D_conv(torch.cat([inp, label], 1)))


BCE_loss = nn.BCELoss()
G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
D_optimizer = torch.optim.Adam(D_conv.parameters(), lr=2e-4, betas=(0.5, 0.999))
train_hist = {'D_losses': []}
x_, y_ = torch.randn(1, 3, 8, 8), torch.randn(1, 3, 8, 8)
D_conv.zero_grad()
D_result = D(x_, y_).squeeze()
D_real_loss = BCE_loss(D_result, torch.ones(D_result.size()))
D_result = D(x_, G(x_)).squeeze()
D_fake_loss = BCE_loss(D_result, torch.zeros(D_result.size()))
D_train_loss = (D_real_loss + D_fake_loss) * 0.5
D_train_loss.backward()
D_optimizer.step()
train_hist['D_losses'].append(D_train_loss.data[0])
