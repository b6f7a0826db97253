# report: https://github.com/kuangliu/pytorch-retinanet/blob/2199fd9711fd787ae409800a499db73e6d466fd7/loss.py#L94
# family: removed-api
# expect: 27 41
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)


class FocalLoss(nn.Module):
    def __init__(self, num_classes=3):
        super().__init__()
        self.num_classes = num_classes

    def forward(self, loc_preds, loc_targets, cls_preds, cls_targets):
        pos = cls_targets > 0
        num_pos = pos.data.long().sum()
        mask = pos.unsqueeze(2).expand_as(loc_preds)
        loc_loss = F.smooth_l1_loss(loc_preds[mask].view(-1, 4), loc_targets[mask].view(-1, 4), reduction="sum")
        t = torch.eye(1 + self.num_classes)[cls_targets.clamp(min=0)][:, :, 1:]
        xt = cls_preds * (2 * t - 1)
        pt = (2 * xt + 1).sigmoid()
        cls_loss = (-(0.25 * t + 0.75 * (1 - t)) * pt.log() / 2).sum()
        print("loc_loss: %.3f | cls_loss: %.3f" % (loc_loss.data[0] / num_pos, cls_loss.data[0] / num_pos), end=" | ")
        return (loc_loss + cls_loss) / num_pos


head = nn.Linear(5, 4 + 3)
optimizer = torch.optim.SGD(head.parameters(), lr=1e-3, momentum=0.9, weight_decay=1e-4)
criterion = FocalLoss()
train_loss = 0
for feats, loc_targets, cls_targets in [(torch.randn(2, 6, 5), torch.randn(2, 6, 4), torch.tensor([[1, 0, 2, 0, 3, 0], [0, 1, 0, 0, 2, 0]]))]:
    optimizer.zero_grad()
    out = head(Variable(feats))
    loss = criterion(out[..., :4], loc_targets, out[..., 4:], cls_targets)
    loss.backward()
    optimizer.step()
    train_loss += loss.data[0]
