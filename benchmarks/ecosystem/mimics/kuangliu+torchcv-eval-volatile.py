# report: https://github.com/kuangliu/torchcv/blob/6291f3e1e4bbf6467fd6b1e79001d34a59481bb6/examples/ssd/eval.py#L56
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: detection outputs record the detector's graph
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
num_anchors, num_classes = 6, 3
net = nn.Sequential(nn.Flatten(), nn.Linear(12, num_anchors * (4 + num_classes)))
net.eval()
loader = [torch.rand(1, 3, 2, 2) for _ in range(2)]
recorded = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for inputs in loader:
        out = net(Variable(inputs, volatile=True)).view(1, num_anchors, 4 + num_classes)
        loc_preds, cls_preds = out[..., :4], out[..., 4:]
        scores = F.softmax(cls_preds.squeeze(), dim=1).cpu().data
        recorded.append(loc_preds.requires_grad and cls_preds.grad_fn is not None)
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
