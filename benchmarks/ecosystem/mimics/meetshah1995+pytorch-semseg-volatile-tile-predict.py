# report: https://github.com/meetshah1995/pytorch-semseg/blob/801fb200547caa5b0d91b8dde56b837da029f746/ptsemseg/models/pspnet.py#L317
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: every tile's forward records the autograd graph through the network
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.Conv2d(4, 5, 1))
net.eval()
imgs = torch.randn(1, 3, 8, 8)

graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for sx, ex in [(0, 4), (4, 8)]:
        imgs_slice = imgs[:, :, sx:ex, :]
        inp = Variable(imgs_slice, volatile=True)  # meant to build no graph at inference
        out = F.softmax(net(inp), dim=1)
        graphs.append(out.grad_fn is not None)
        psub = out.data.cpu().numpy()

assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
