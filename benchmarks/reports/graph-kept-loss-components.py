# report: https://github.com/bubbliiiing/faster-rcnn-pytorch/issues/35
# family: graph-kept
# expect: 24 25 26
# runtime: asserts the per-component running sums keep the detector's graphs alive
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
backbone = nn.Conv2d(3, 8, 3, padding=1)
rpn_loc, rpn_cls = nn.Conv2d(8, 4, 1), nn.Conv2d(8, 2, 1)
params = [*backbone.parameters(), *rpn_loc.parameters(), *rpn_cls.parameters()]
optimizer = torch.optim.SGD(params, lr=1e-3)

total_loss = rpn_loc_loss = rpn_cls_loss = 0
for it in range(4):
    feats = F.relu(backbone(torch.randn(1, 3, 6, 6)))
    loc = F.smooth_l1_loss(rpn_loc(feats), torch.randn(1, 4, 6, 6))
    cls = F.cross_entropy(rpn_cls(feats), torch.randint(0, 2, (1, 6, 6)))
    total = loc + cls
    optimizer.zero_grad()
    total.backward()
    optimizer.step()
    total_loss += total
    rpn_loc_loss += loc
    rpn_cls_loss += cls
print(total_loss / 4, rpn_loc_loss / 4, rpn_cls_loss / 4)
assert all(t.grad_fn is not None for t in (total_loss, rpn_loc_loss, rpn_cls_loss))
