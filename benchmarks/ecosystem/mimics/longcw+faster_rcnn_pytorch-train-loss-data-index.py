# report: https://github.com/longcw/faster_rcnn_pytorch/blob/d8f842dfa51e067105e6949999277a08daa3d743/train.py#L132
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
head = nn.Sequential(nn.Linear(16, 8), nn.ReLU(inplace=True))
score_fc = nn.Linear(8, 3)
bbox_fc = nn.Linear(8, 12)
params = list(head.parameters()) + list(score_fc.parameters()) + list(bbox_fc.parameters())
optimizer = torch.optim.SGD(params, lr=0.001, momentum=0.9, weight_decay=5e-4)

train_loss = 0
x = torch.randn(6, 16)
label = torch.tensor([1, 2, 0, 0, 0, 0])
bbox_targets = torch.randn(6, 12)
inside = torch.zeros(6, 12)
inside[:2] = 1.0

feat = head(x)
cross_entropy = F.cross_entropy(score_fc(feat), label)
fg_cnt = torch.sum(label.ne(0))
loss_box = F.smooth_l1_loss(bbox_fc(feat) * inside, bbox_targets * inside, reduction='sum') / (fg_cnt + 1e-4)
loss = cross_entropy + loss_box * 10

# running sum of the loss, torch 0.3 style
train_loss += loss.data[0]

optimizer.zero_grad()
loss.backward()
optimizer.step()
