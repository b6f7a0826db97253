# report: https://github.com/multimodallearning/pytorch-mask-rcnn/blob/809abba590db89779ac02c42286135f18ea08b53/model.py#L568
# family: removed-api
# expect: 26
# runtime: raises IndexError: Expected reduction dim 1 to have non-zero size
import torch


def box_iou(a, b):
    # a: [N, 4], b: [M, 4] as (y1, x1, y2, x2) -> [N, M]
    y1 = torch.max(a[:, None, 0], b[None, :, 0])
    x1 = torch.max(a[:, None, 1], b[None, :, 1])
    y2 = torch.min(a[:, None, 2], b[None, :, 2])
    x2 = torch.min(a[:, None, 3], b[None, :, 3])
    inter = (y2 - y1).clamp(min=0) * (x2 - x1).clamp(min=0)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter)


torch.manual_seed(0)
proposals = torch.rand(6, 2).repeat(1, 2) + torch.tensor([0.0, 0.0, 0.2, 0.2])
gt_class_ids = torch.tensor([3, 1, 7])  # an ordinary image: no crowd (negative) ids
gt_boxes = torch.tensor([[0.1, 0.1, 0.4, 0.4], [0.5, 0.5, 0.9, 0.9], [0.0, 0.2, 0.3, 0.6]])

assert torch.nonzero(gt_class_ids < 0).size() == (0, 1)  # empty, yet a truthy Size
if torch.nonzero(gt_class_ids < 0).size():  # meant "are there crowd boxes?"
    crowd_ix = torch.nonzero(gt_class_ids < 0)[:, 0]
    crowd_boxes = gt_boxes[crowd_ix, :]
    crowd_overlaps = box_iou(proposals, crowd_boxes)  # [6, 0]
    crowd_iou_max = torch.max(crowd_overlaps, dim=1)[0]
    no_crowd_bool = crowd_iou_max < 0.001
else:
    no_crowd_bool = torch.ones(proposals.size(0), dtype=torch.bool)
