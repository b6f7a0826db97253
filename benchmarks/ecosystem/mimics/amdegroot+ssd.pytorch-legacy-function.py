# report: https://github.com/amdegroot/ssd.pytorch/blob/5b0b77faa955c1917b0c710d770739ba8fbff9b7/layers/functions/detection.py#L165
# family: removed-api
# expect: 14 25
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
from torch.autograd import Function


class Detect(Function):
    def __init__(self, num_classes, top_k):
        self.num_classes = num_classes
        self.top_k = top_k

    def forward(self, loc_data, conf_data):
        num = loc_data.size(0)
        output = torch.zeros(num, self.num_classes, self.top_k, 5)
        scores, order = conf_data.max(2)
        output[:, 0, : self.top_k, 0] = scores[:, : self.top_k]
        return output


detect = Detect(3, 2)
loc = torch.randn(1, 4, 4)
conf = torch.softmax(torch.randn(1, 4, 3), dim=-1)
out = detect(loc, conf)
