# report: https://github.com/Eric-mingjie/network-slimming/blob/b395dc07521cbc38f741d971a18fe3f6423c9ab1/vggprune.py#L110
# family: removed-api
# expect: 17
# runtime: asserts volatile=True is ignored: the test forward records the autograd graph through the model
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(16, 12), nn.ReLU(), nn.Linear(12, 10))
model.eval()
data, target = torch.randn(5, 16), torch.randint(0, 10, (5,))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    data, target = Variable(data, volatile=True), Variable(target)
output = model(data)
assert output.requires_grad and output.grad_fn is not None  # the graph is built anyway
pred = output.data.max(1, keepdim=True)[1]
correct = pred.eq(target.data.view_as(pred)).sum()
print(int(correct))
