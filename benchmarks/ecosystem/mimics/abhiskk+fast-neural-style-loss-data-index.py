# report: https://github.com/abhiskk/fast-neural-style/blob/df085308a7af0fdde7621ce83b2911f58c8d1c55/neural_style/neural_style.py#L95
# family: removed-api
# expect: 36 37
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
transformer = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 3, 3, padding=1))
features = nn.Sequential(nn.Conv2d(3, 5, 3, padding=1), nn.ReLU())
optimizer = torch.optim.Adam(transformer.parameters(), 1e-3)
mse = nn.MSELoss()


def gram(y):
    b, ch, h, w = y.size()
    f = y.view(b, ch, h * w)
    return f.bmm(f.transpose(1, 2)) / (ch * h * w)


style_gram = gram(features(torch.rand(2, 3, 8, 8))).detach()
agg_content_loss = 0.0
agg_style_loss = 0.0

x = torch.rand(2, 3, 8, 8)
optimizer.zero_grad()
y = transformer(x)
f_y = features(y)
f_x = features(x).detach()
content_loss = 1.0 * mse(f_y, f_x)
style_loss = 5.0 * mse(gram(f_y), style_gram)
total_loss = content_loss + style_loss
total_loss.backward()
optimizer.step()
# running sums of the logged losses read element [0] of 0-dim tensors
agg_content_loss += content_loss.data[0]
agg_style_loss += style_loss.data[0]
