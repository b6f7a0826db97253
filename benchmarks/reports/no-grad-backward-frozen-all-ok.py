# report: https://github.com/jina-ai/finetuner/issues/435
# family: no-grad-backward
# expect: none
# runtime: runs with a frozen backbone because a new trainable projection head is attached
# twin: no-grad-backward-frozen-all.py
import torch
import torch.nn as nn

torch.manual_seed(0)


def build_model(freeze=False, output_dim=None):
    backbone = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 8))
    if freeze:
        for param in backbone.parameters():
            param.requires_grad = False
    if output_dim is None:
        return backbone
    return nn.Sequential(backbone, nn.Linear(8, output_dim))


def contrastive_loss(a, b, margin=1.0):
    dist = (a - b).pow(2).sum(dim=1)
    return torch.clamp(margin - dist, min=0).mean()


model = build_model(freeze=True, output_dim=4)
trainable = [p for p in model.parameters() if p.requires_grad]
optimizer = torch.optim.Adam(trainable, lr=1e-3)
left, right = torch.randn(6, 12), torch.randn(6, 12)

optimizer.zero_grad()
loss = contrastive_loss(model(left), model(right))
loss.backward()
optimizer.step()
assert model[1].weight.grad is not None and model[0][0].weight.grad is None
