# report: https://github.com/zhanghang1989/PyTorch-Multi-Style-Transfer/blob/75d256049a6af7ceccae01bd5c472556478048ea/experiments/main.py#L188
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


def gram(y):
    b, ch, h, w = y.size()
    f = y.view(b, ch, h * w)
    return f.bmm(f.transpose(1, 2)) / (ch * h * w)


torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.InstanceNorm2d(4), nn.ReLU(inplace=True), nn.Conv2d(4, 3, 3, padding=1))
feat = nn.Conv2d(3, 5, 3, padding=1)
optimizer = torch.optim.Adam(net.parameters(), 1e-3)
mse = nn.MSELoss()
x, style = torch.rand(2, 3, 6, 6), torch.rand(1, 3, 6, 6)
gram_s = gram(feat(style)).detach().repeat(2, 1, 1)
optimizer.zero_grad()
y = net(x)
content_loss = 1.0 * mse(feat(y), feat(x).detach())
style_loss = 5.0 * mse(gram(feat(y)), gram_s)
total = content_loss + style_loss
total.backward()
optimizer.step()
agg_content_loss, agg_style_loss = 0.0, 0.0
agg_content_loss += content_loss.data[0]
agg_style_loss += style_loss.data[0]
print(agg_content_loss, agg_style_loss)
