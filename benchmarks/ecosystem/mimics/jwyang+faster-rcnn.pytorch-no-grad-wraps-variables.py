# report: https://github.com/jwyang/faster-rcnn.pytorch/blob/f9d984d27b48a067b29792932bcb5321a39c1f09/demo.py#L220
# family: no-grad-misuse
# expect: 16
# runtime: asserts the no_grad block only wraps the Variable(...) assignments, so the later detection forward records an autograd graph
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
detector = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 3))
im_data = torch.FloatTensor(1, 3, 8, 8)
im_info = torch.FloatTensor(3)

with torch.no_grad():
    im_data = Variable(im_data)
    im_info = Variable(im_info)

detector.eval()
for _ in range(2):
    im_data.data.copy_(torch.randn(1, 3, 8, 8))
    im_info.data.copy_(torch.tensor([8.0, 8.0, 1.0]))
    cls_prob = F.softmax(detector(im_data), 1)
    scores = cls_prob.data
    assert cls_prob.requires_grad and cls_prob.grad_fn is not None  # inference still builds a graph
