# report: https://github.com/PacktPublishing/Mastering-PyTorch/blob/7787dd3b154eca998ab5b6a31a85dddae04ea677/Chapter07/neural_style_transfer.ipynb
# family: numpy-conversion
# expect: 38, 39
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
features = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 4, 3, padding=1))
content = torch.rand(1, 3, 8, 8)
style = torch.rand(1, 3, 8, 8)


def gram(x):
    b, c, h, w = x.shape
    f = x.view(b * c, h * w)
    return f @ f.t() / (b * c * h * w)


img = torch.randn(1, 3, 8, 8)
opt = torch.optim.Adam([img.requires_grad_()], lr=0.1)
style_losses, content_losses = [], []
for epoch in range(1, 5):
    opt.zero_grad()
    c_loss = F.mse_loss(features(img), features(content).detach())
    s_loss = 1e3 * F.mse_loss(gram(features(img)), gram(features(style)).detach())
    (c_loss + s_loss).backward()
    if epoch % 2 == 0:
        style_losses += [s_loss]      # tensors that still require grad
        content_losses += [c_loss]
    opt.step()


# plt.plot(range(...), style_losses) converts the list with np.asarray
x = np.asarray(list(range(2)))
ys = np.asarray(style_losses)
yc = np.asarray(content_losses)
print(x, ys, yc)
