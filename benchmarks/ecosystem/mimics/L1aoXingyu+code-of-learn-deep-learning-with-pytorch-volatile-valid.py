# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/utils.py#L55
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: every validation batch records the autograd graph through the network
import warnings
import torch
from torch import nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(6, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
criterion = nn.CrossEntropyLoss()
net = net.eval()
im, label = torch.randn(4, 6), torch.randint(0, 3, (4,))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # the validation loop relies on volatile to build no graph
    im = Variable(im, volatile=True)
    label = Variable(label, volatile=True)
output = net(im)
loss = criterion(output, label)
assert any("volatile" in str(w.message) for w in caught)
assert loss.requires_grad and loss.grad_fn is not None
