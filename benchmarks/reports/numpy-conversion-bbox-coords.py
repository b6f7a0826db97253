# report: https://github.com/NielsRogge/Transformers-Tutorials/pull/178
# family: numpy-conversion
# expect: 20
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
box_head = nn.Sequential(nn.Linear(16, 4), nn.Sigmoid())
queries = torch.randn(3, 16)
img_w, img_h = 64, 48


def to_pixels(pred_boxes):
    corners = []
    for cx, cy, w, h in pred_boxes:
        xmin, ymin = (cx - w / 2) * img_w, (cy - h / 2) * img_h
        xmax, ymax = (cx + w / 2) * img_w, (cy + h / 2) * img_h
        corners.append(np.array([xmin, ymin, xmax, ymax]))
    return np.stack(corners).round().astype(int)


boxes = to_pixels(box_head(queries))
print(boxes)
