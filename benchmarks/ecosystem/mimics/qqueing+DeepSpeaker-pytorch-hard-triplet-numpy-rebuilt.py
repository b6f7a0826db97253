# report: https://github.com/qqueing/DeepSpeaker-pytorch/blob/3c32518ee5db6185596973d7526135ead03ab17b/train_triplet.py#L265
# family: grad-missing
# expect: 38,39,40
# runtime: asserts the triplet term is computed on embeddings rebuilt from numpy: it adds nothing to the model's gradient
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable


def pdist(x1, x2, p=2):
    eps = 1e-4 / x1.size(1)
    return torch.pow(torch.pow(torch.abs(x1 - x2), p).sum(dim=1) + eps, 1. / p)


def triplet_margin(anchor, positive, negative, margin):
    return torch.mean(torch.clamp(margin + pdist(anchor, positive) - pdist(anchor, negative), min=0.0))


torch.manual_seed(0)
embed = nn.Sequential(nn.Flatten(), nn.Linear(30, 8))
classifier = nn.Linear(8, 4)
margin, loss_ratio = 5.0, 2.0
data_a, data_p, data_n = (torch.randn(6, 1, 6, 5) for _ in range(3))
label_p = torch.tensor([0, 1, 2, 3, 0, 1])
label_n = torch.tensor([1, 2, 3, 0, 2, 3])


def step(fixed):
    embed.zero_grad()
    classifier.zero_grad()
    out_a, out_p, out_n = embed(data_a), embed(data_p), embed(data_n)
    d_p, d_n = pdist(out_a, out_p), pdist(out_a, out_n)
    hard = np.where((d_n - d_p < margin).cpu().data.numpy().flatten() == 1)
    if fixed:
        sel_a, sel_p, sel_n = out_a[hard], out_p[hard], out_n[hard]
    else:
        sel_a = Variable(torch.from_numpy(out_a.cpu().data.numpy()[hard]))
        sel_p = Variable(torch.from_numpy(out_p.cpu().data.numpy()[hard]))
        sel_n = Variable(torch.from_numpy(out_n.cpu().data.numpy()[hard]))
    triplet_loss = triplet_margin(sel_a, sel_p, sel_n, margin)
    cls = torch.cat([classifier(embed(data_a[hard])), classifier(embed(data_p[hard])), classifier(embed(data_n[hard]))])
    labels = torch.cat([label_p[hard], label_p[hard], label_n[hard]])
    loss = nn.CrossEntropyLoss()(cls, labels) + triplet_loss * loss_ratio
    loss.backward()
    return triplet_loss, embed[1].weight.grad.clone()


triplet_loss, grad_bug = step(fixed=False)
assert triplet_loss.item() > 0 and not triplet_loss.requires_grad
_, grad_fixed = step(fixed=True)
assert not torch.allclose(grad_bug, grad_fixed)
