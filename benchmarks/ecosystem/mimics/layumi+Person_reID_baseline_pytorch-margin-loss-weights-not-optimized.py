# report: https://github.com/layumi/Person_reID_baseline_pytorch/blob/82ff40fb11b7353400dc8670dcec620d97285096/train.py#L237
# family: optimizer-misuse
# expect: 40
# runtime: asserts the ArcFace class-weight matrix of the loss module is never stepped (it is not in the optimizer) while its .grad keeps accumulating
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class AngularMarginLoss(nn.Module):
    """ArcFace-style loss that owns a learnable class-weight matrix W."""

    def __init__(self, num_classes, embedding_size, margin=0.5, scale=16.0):
        super().__init__()
        self.W = nn.Parameter(torch.randn(embedding_size, num_classes))
        self.margin, self.scale = margin, scale

    def forward(self, emb, labels):
        cos = F.normalize(emb, dim=1) @ F.normalize(self.W, dim=0)
        theta = torch.acos(cos.clamp(-1 + 1e-6, 1 - 1e-6))
        target = torch.cos(theta + self.margin)
        onehot = F.one_hot(labels, cos.size(1)).bool()
        logits = torch.where(onehot, target, cos) * self.scale
        return F.cross_entropy(logits, labels)


torch.manual_seed(0)
num_classes, emb_size = 6, 8
backbone = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, emb_size))
classifier = nn.Linear(emb_size, num_classes)
model = nn.ModuleDict({"backbone": backbone, "classifier": classifier})
optimizer = torch.optim.SGD([
    {"params": backbone.parameters(), "lr": 0.01},
    {"params": classifier.parameters(), "lr": 0.1},
], momentum=0.9, nesterov=True, weight_decay=5e-4)

# created later, inside the training function, after the optimizer exists
criterion_arcface = AngularMarginLoss(num_classes=num_classes, embedding_size=emb_size)
W0 = criterion_arcface.W.detach().clone()
grad_norms = []
for it in range(5):
    x = torch.randn(8, 12)
    y = torch.randint(0, num_classes, (8,))
    optimizer.zero_grad()
    ff = backbone(x)
    loss = F.cross_entropy(classifier(ff), y)
    ff = ff / ff.norm(dim=1, keepdim=True)
    loss = loss + criterion_arcface(ff, y) / 8
    loss.backward()
    optimizer.step()
    grad_norms.append(criterion_arcface.W.grad.norm().item())

assert torch.equal(criterion_arcface.W.detach(), W0)  # the margin classifier never learns
assert all(id(criterion_arcface.W) != id(p) for g in optimizer.param_groups for p in g["params"])
assert grad_norms[-1] > grad_norms[0]  # its grad is never zeroed either
