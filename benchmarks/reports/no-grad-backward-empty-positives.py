# report: https://github.com/RangiLyu/nanodet/issues/7
# family: no-grad-backward
# expect: 16 30
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
# twin: no-grad-backward-empty-positives-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def bbox_loss(pred_boxes, gt_boxes, pos_mask):
    num_pos = int(pos_mask.sum())
    if num_pos == 0:
        return torch.tensor(0.0)
    return F.smooth_l1_loss(pred_boxes[pos_mask], gt_boxes[pos_mask])


head = nn.Linear(8, 4)
optimizer = torch.optim.SGD(head.parameters(), lr=0.01, momentum=0.9)
batches = [
    (torch.randn(5, 8), torch.randn(5, 4), torch.tensor([1, 0, 1, 0, 0], dtype=torch.bool)),
    (torch.randn(5, 8), torch.randn(5, 4), torch.zeros(5, dtype=torch.bool)),
]

for feats, gt_boxes, pos_mask in batches:
    loss = bbox_loss(head(feats), gt_boxes, pos_mask)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
