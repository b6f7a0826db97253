# report: https://github.com/jina-ai/finetuner/issues/435
# family: no-grad-backward
# expect: 16 33
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
# twin: no-grad-backward-frozen-all-ok.py
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


model = build_model(freeze=True)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
left, right = torch.randn(6, 12), torch.randn(6, 12)

optimizer.zero_grad()
loss = contrastive_loss(model(left), model(right))
loss.backward()
optimizer.step()
