# report: https://github.com/kuangliu/torchcv/blob/6291f3e1e4bbf6467fd6b1e79001d34a59481bb6/examples/ssd/train.py#L110
# family: removed-api
# expect: 29
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
num_anchors, num_classes = 6, 3
net = nn.Sequential(nn.Flatten(), nn.Linear(12, num_anchors * (4 + num_classes)))
optimizer = torch.optim.SGD(net.parameters(), lr=1e-3, momentum=0.9, weight_decay=1e-4)
loader = [(torch.rand(2, 3, 2, 2), torch.randn(2, num_anchors, 4), torch.randint(0, num_classes, (2, num_anchors))) for _ in range(2)]

net.train()
train_loss = 0
for batch_idx, (inputs, loc_targets, cls_targets) in enumerate(loader):
    inputs, loc_targets, cls_targets = Variable(inputs), Variable(loc_targets), Variable(cls_targets)
    optimizer.zero_grad()
    out = net(inputs).view(2, num_anchors, 4 + num_classes)
    loc_preds, cls_preds = out[..., :4], out[..., 4:]
    pos = cls_targets > 0
    mask = pos.unsqueeze(2).expand_as(loc_preds)
    num_pos = max(pos.sum().item(), 1)
    loss = (F.smooth_l1_loss(loc_preds[mask], loc_targets[mask], reduction="sum") + F.cross_entropy(cls_preds.reshape(-1, num_classes), cls_targets.view(-1), reduction="sum")) / num_pos
    loss.backward()
    optimizer.step()
    train_loss += loss.data[0]
