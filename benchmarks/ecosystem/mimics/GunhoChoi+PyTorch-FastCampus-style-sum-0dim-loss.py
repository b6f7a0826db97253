# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/07_Transfer_Learning/1_StyleTransfer/StyleTransfer_LBFGS_gpu.py#L139
# family: removed-api
# expect: 33
# runtime: raises TypeError: iteration over a 0-d tensor
import torch
import torch.nn as nn
import torch.optim as optim


def gram(x):
    b, c, h, w = x.size()
    f = x.view(b, c, h * w)
    return torch.bmm(f, f.transpose(1, 2))


torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
for p in net.parameters():
    p.requires_grad = False
content = torch.rand(1, 3, 6, 6)
style = torch.rand(1, 3, 6, 6)
generated = content.clone().requires_grad_(True)
style_target = [gram(net(style))]
content_target = net(content)
optimizer = optim.LBFGS([generated], max_iter=2)


def closure():
    optimizer.zero_grad()
    out = net(generated)
    style_loss = [nn.MSELoss()(gram(out), style_target[0]) * 0.1]
    content_loss = nn.MSELoss()(out, content_target)
    total_loss = 1000 * sum(style_loss) + sum(content_loss)
    total_loss.backward()
    return total_loss


optimizer.step(closure)
