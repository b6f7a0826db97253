# report: https://github.com/jd730/OICR-pytorch/issues/26
# family: numpy-conversion
# expect: 16
# runtime: raises RuntimeError: elements cannot be converted to Scalar
import torch
import torch.nn as nn


class MIDN(nn.Module):
    def __init__(self, feat_dim, num_classes):
        super().__init__()
        self.cls = nn.Linear(feat_dim, num_classes)
        self.det = nn.Linear(feat_dim, num_classes)

    def forward(self, roi_feats, num_boxes):
        nb = int(num_boxes.item())
        feats = roi_feats[:, :nb]
        scores = self.cls(feats).softmax(-1) * self.det(feats).softmax(1)
        return scores.sum(1)


torch.manual_seed(0)
roi_feats = torch.randn(2, 5, 8)
# one row per image: (number of boxes, height, width)
num_boxes = torch.tensor([[4., 480., 640.], [5., 1200., 1846.]])
image_scores = MIDN(8, 3)(roi_feats, num_boxes)
