# report: https://github.com/jwyang/faster-rcnn.pytorch/blob/f9d984d27b48a067b29792932bcb5321a39c1f09/lib/model/roi_pooling/modules/roi_pool.py#L14
# family: removed-api
# expect: 44
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Function


class RoIMaxPoolFunction(Function):
    """Old-style Function: configuration in __init__, instance forward/backward."""

    def __init__(ctx, pooled_height, pooled_width, spatial_scale):
        ctx.pooled_height = pooled_height
        ctx.pooled_width = pooled_width
        ctx.spatial_scale = spatial_scale

    def forward(ctx, features, rois):
        out = []
        for r in rois:
            b, x1, y1, x2, y2 = [int(v) for v in (r * torch.tensor([1.0] + [ctx.spatial_scale] * 4)).tolist()]
            crop = features[b:b + 1, :, y1:y2 + 1, x1:x2 + 1]
            out.append(F.adaptive_max_pool2d(crop, (ctx.pooled_height, ctx.pooled_width)))
        return torch.cat(out, 0)

    def backward(ctx, grad_output):
        return None, None


class RoIPooling(nn.Module):
    def __init__(self, pooled_height, pooled_width, spatial_scale):
        super().__init__()
        self.pooled_height = int(pooled_height)
        self.pooled_width = int(pooled_width)
        self.spatial_scale = float(spatial_scale)

    def forward(self, features, rois):
        return RoIMaxPoolFunction(self.pooled_height, self.pooled_width, self.spatial_scale)(features, rois)


base = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
pool = RoIPooling(2, 2, 1.0 / 16.0)
feat = base(torch.randn(1, 3, 8, 8))
rois = torch.tensor([[0.0, 0.0, 0.0, 64.0, 64.0], [0.0, 16.0, 16.0, 112.0, 112.0]])
pooled = pool(feat, rois)
