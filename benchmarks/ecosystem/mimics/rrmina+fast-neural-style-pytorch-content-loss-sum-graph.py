# report: https://github.com/rrmina/fast-neural-style-pytorch/blob/f32f6cac3ac7906df4655fa70ab831ca6336f9b9/train.py#L98
# family: graph-kept
# expect: 42
# runtime: asserts batch_content_loss_sum += content_loss (no .item()) chains every iteration's autograd graph for the whole training run
import torch
import torch.nn as nn


def count_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(next_fn for next_fn, _ in node.next_functions)
    return len(seen)


def gram(t):
    B, C, H, W = t.shape
    x = t.view(B, C, H * W)
    return torch.bmm(x, x.transpose(1, 2)) / (C * H * W)


torch.manual_seed(0)
transformer = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.InstanceNorm2d(4, affine=True), nn.ReLU(), nn.Conv2d(4, 3, 3, padding=1))
vgg = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
for p in vgg.parameters():
    p.requires_grad = False
optimizer = torch.optim.Adam(transformer.parameters(), lr=1e-3)
style_gram = gram(vgg(torch.rand(1, 3, 6, 6) * 255)).expand(2, 4, 4)
MSELoss = nn.MSELoss()
batch_content_loss_sum = batch_style_loss_sum = batch_total_loss_sum = 0
for batch_count in range(1, 5):
    optimizer.zero_grad()
    content_batch = torch.rand(2, 3, 6, 6) * 255
    generated_batch = transformer(content_batch)
    content_features = vgg(content_batch)
    generated_features = vgg(generated_batch)
    content_loss = 17 * MSELoss(generated_features, content_features)
    batch_content_loss_sum += content_loss
    style_loss = 50 * MSELoss(gram(generated_features), style_gram)
    batch_style_loss_sum += style_loss.item()
    total_loss = content_loss + style_loss
    batch_total_loss_sum += total_loss.item()
    total_loss.backward()
    optimizer.step()

assert batch_content_loss_sum.requires_grad  # the running sum is a graph, not a number
one_step = count_nodes((17 * MSELoss(vgg(transformer(content_batch)), content_features)).grad_fn)
assert count_nodes(batch_content_loss_sum.grad_fn) > 3 * one_step  # all four iterations' graphs are still referenced
