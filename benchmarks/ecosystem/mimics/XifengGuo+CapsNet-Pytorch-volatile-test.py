# report: https://github.com/XifengGuo/CapsNet-Pytorch/blob/8a5a3572d91eb9479425168d3d565eb02e78be46/capsulenet.py#L121
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: every test batch records the autograd graph through the network
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Linear(16, 10)
model.eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for x, y in [(torch.rand(3, 16), torch.tensor([1, 5, 7]))]:
        y = torch.zeros(y.size(0), 10).scatter_(1, y.view(-1, 1), 1.)
        x, y = Variable(x, volatile=True), Variable(y)
        y_pred = model(x).sigmoid()
assert any("volatile" in str(w.message) for w in caught)
assert y_pred.requires_grad and y_pred.grad_fn is not None
