# report: https://github.com/longcw/faster_rcnn_pytorch/blob/d8f842dfa51e067105e6949999277a08daa3d743/train.py#L152
# family: removed-api
# expect: 26
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
rpn_score = nn.Conv2d(4, 2, 1)
rpn_bbox = nn.Conv2d(4, 4, 1)
optimizer = torch.optim.SGD(list(rpn_score.parameters()) + list(rpn_bbox.parameters()), lr=0.001)

features = torch.randn(1, 4, 3, 3)
rpn_label = torch.randint(0, 2, (9,))
cls_score = rpn_score(features).permute(0, 2, 3, 1).reshape(-1, 2)
rpn_cross_entropy = F.cross_entropy(cls_score, rpn_label)
rpn_loss_box = F.smooth_l1_loss(rpn_bbox(features), torch.zeros(1, 4, 3, 3), reduction='sum')
loss = rpn_cross_entropy + rpn_loss_box * 10

optimizer.zero_grad()
loss.backward()
optimizer.step()

# display block: each 0-dim loss goes through numpy and is indexed as if it had one element
print('rpn_cls: %.4f, rpn_box: %.4f' % (
    rpn_cross_entropy.data.cpu().numpy()[0], rpn_loss_box.data.cpu().numpy()[0]))
