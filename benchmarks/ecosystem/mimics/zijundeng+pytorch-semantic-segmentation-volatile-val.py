# report: https://github.com/zijundeng/pytorch-semantic-segmentation/blob/4a1721f9a3284788336430efb140288096c6dd09/train/voc-fcn/train.py#L141
# family: removed-api
# expect: 16
# runtime: asserts volatile=True is ignored: validation outputs still record the autograd graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 2, 1))
net.eval()
images = torch.randn(1, 3, 6, 6)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    inputs = Variable(images, volatile=True)
outputs = net(inputs)
assert any("volatile" in str(w.message) for w in caught)
assert outputs.requires_grad and outputs.grad_fn is not None  # the graph is kept for every val batch
