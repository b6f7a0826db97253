# report: https://github.com/mratsim/Amazon-Forest-Computer-Vision/blob/f1fefbb696a14fd09fd57cf5d93505487f249d27/src/p_validation.py#L27
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: validation outputs carry an autograd graph
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 17))
loss_func = nn.MultiLabelSoftMarginLoss()
loader = [(torch.randn(4, 10), (torch.rand(4, 17) > 0.5).float()) for _ in range(3)]


def validate():
    model.eval()
    total_loss, graphs = 0.0, []
    for data, target in loader:
        data, target = Variable(data, volatile=True), Variable(target, volatile=True)
        pred = model(data)
        graphs.append(pred.grad_fn is not None)
        total_loss += loss_func(pred, target).item()
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = validate()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs), "volatile no longer disables graph recording"
