# report: https://github.com/asanakoy/kaggle_carvana_segmentation/blob/7f3670edd64c9b73bd226a615127072c8fafed62/asanakoy/losses.py#L137
# family: removed-api
# expect: 18
# runtime: raises AttributeError: 'builtin_function_or_method' object has no attribute 'torch'
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 1, 1))


def combined_weighted_loss(logits, labels, kernel_size=11):
    a = F.avg_pool2d(labels, kernel_size=kernel_size, padding=kernel_size // 2, stride=1)
    ind = (a.ge(0.01) * a.le(0.99)).float()
    # torch.tensor was a module in torch 0.3; it is a function now
    weights = Variable(torch.tensor.torch.ones(a.size()))
    w0 = weights.sum()
    weights += ind * 2
    weights = weights / weights.sum() * w0
    logits = logits.view(-1)
    loss = logits.clamp(min=0) - logits * labels.view(-1) + torch.log(1 + torch.exp(-logits.abs()))
    return (loss * weights.view(-1)).sum() / weights.sum()


images, labels = torch.randn(2, 3, 16, 16), (torch.rand(2, 16, 16) > 0.5).float()
loss = combined_weighted_loss(model(images)[:, 0], labels)
loss.backward()
