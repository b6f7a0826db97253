# report: https://github.com/facebookresearch/dinov2/issues/399
# family: no-grad-misuse
# expect: none
# runtime: runs: the frozen backbone runs under no_grad, whose outputs are ordinary tensors the head can train on
# twin: no-grad-misuse-inference-features.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
backbone.requires_grad_(False)
depth_head = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
optimizer = torch.optim.Adam(depth_head.parameters(), lr=1e-3)


@torch.no_grad()
def extract_features(images):
    return backbone(images)


for step in range(2):
    images, depth = torch.randn(4, 3, 8, 8), torch.rand(4, 1)
    feats = extract_features(images)
    pred = depth_head(feats)
    loss = F.l1_loss(pred, depth)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert depth_head[0].weight.grad is not None and backbone[0].weight.grad is None
