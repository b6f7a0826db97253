# report: https://github.com/multimodallearning/pytorch-mask-rcnn/blob/809abba590db89779ac02c42286135f18ea08b53/model.py#L1872
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
head = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 5))
optimizer = torch.optim.SGD(head.parameters(), lr=0.01, momentum=0.9)
steps = 3
loss_sum = 0
for step in range(steps):
    feats = Variable(torch.randn(8, 10))
    class_ids = Variable(torch.randint(0, 5, (8,)))
    logits = head(feats)
    class_loss = F.cross_entropy(logits, class_ids)
    bbox_loss = F.smooth_l1_loss(logits[:, :4], torch.zeros(8, 4))
    loss = class_loss + bbox_loss
    loss.backward()
    torch.nn.utils.clip_grad_norm_(head.parameters(), 5.0)
    optimizer.step()
    optimizer.zero_grad()
    loss_sum += loss.data.cpu()[0] / steps
