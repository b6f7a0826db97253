# report: https://github.com/multimodallearning/pytorch-mask-rcnn/blob/809abba590db89779ac02c42286135f18ea08b53/model.py#L1914
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: the validation forward records a graph through every head parameter
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU())
classifier = nn.Sequential(nn.Flatten(), nn.Linear(4 * 8 * 8, 3))
backbone.eval()
images = torch.randn(2, 3, 8, 8)
images = Variable(images, volatile=True)
labels = Variable(torch.tensor([0, 2]), volatile=True)
logits = classifier(backbone(images))
val_loss = F.cross_entropy(logits, labels)
assert not images.requires_grad
assert val_loss.requires_grad and val_loss.grad_fn is not None  # no-grad inference never happened
val_loss.backward()
assert backbone[0].weight.grad is not None
