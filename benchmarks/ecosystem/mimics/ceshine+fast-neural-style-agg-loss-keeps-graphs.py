# report: https://github.com/ceshine/fast-neural-style/blob/d71f8c19b0584404d68e16457527afa7c8973293/notebooks/01-image-style-transfer.ipynb
# family: graph-kept
# expect: 34,35
# runtime: asserts the running content/style sums are tensors that chain every step's graph until the log interval
import torch
import torch.nn as nn

torch.manual_seed(0)
stylizer = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.InstanceNorm2d(4, affine=True), nn.ReLU(), nn.Conv2d(4, 3, 3, padding=1))
features = nn.Sequential(nn.Conv2d(3, 5, 3, padding=1), nn.ReLU())
for p in features.parameters():
    p.requires_grad_(False)
mse = nn.MSELoss()
optimizer = torch.optim.Adam(stylizer.parameters(), 1e-3)


def gram(f):
    b, c, h, w = f.size()
    flat = f.view(b, c, h * w)
    return flat.bmm(flat.transpose(1, 2)) / (c * h * w)


gram_target = gram(features(torch.rand(1, 3, 8, 8))).detach()
log_interval = 4
agg_content, agg_style = 0.0, 0.0
for step in range(1, log_interval):
    x = torch.rand(2, 3, 8, 8)
    optimizer.zero_grad()
    y = stylizer(x)
    content = mse(features(y), features(x).detach())
    style = 1e3 * mse(gram(features(y)), gram_target.expand(2, 5, 5))
    (content + style).backward()
    optimizer.step()
    agg_content += content
    agg_style += style

assert agg_content.requires_grad and agg_style.requires_grad
seen, stack, losses = set(), [agg_content.grad_fn], 0
while stack:
    node = stack.pop()
    if node is None or node in seen:
        continue
    seen.add(node)
    losses += type(node).__name__ == "MseLossBackward0"
    stack.extend(n for n, _ in node.next_functions)
assert losses == log_interval - 1
