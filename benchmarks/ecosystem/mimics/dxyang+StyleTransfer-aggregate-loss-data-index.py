# report: https://github.com/dxyang/StyleTransfer/blob/3a9b8c13b47256080e0250b15b8e4bc2ca03dad2/style.py#L120
# family: removed-api
# expect: 35
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


def gram(x):
    bs, ch, h, w = x.size()
    f = x.view(bs, ch, w * h)
    return f.bmm(f.transpose(1, 2)) / (ch * h * w)


torch.manual_seed(0)
transformer = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), nn.InstanceNorm2d(8, affine=True), nn.ReLU(), nn.Conv2d(8, 3, 3, 1, 1))
features = nn.Sequential(nn.Conv2d(3, 4, 3, 1, 1), nn.ReLU())
for p in features.parameters():
    p.requires_grad = False
optimizer = torch.optim.Adam(transformer.parameters(), 1e-3)
mse = nn.MSELoss()

style = torch.randn(2, 3, 8, 8)
style_gram = gram(features(style))
aggregate_style_loss = 0.0

x = torch.randn(2, 3, 8, 8)
optimizer.zero_grad()
y_hat = transformer(x)
style_loss = 1e5 * mse(gram(features(y_hat)), style_gram)
content_loss = mse(features(y_hat), features(x))
total_loss = style_loss + content_loss
total_loss.backward()
optimizer.step()
aggregate_style_loss += style_loss.data[0]
