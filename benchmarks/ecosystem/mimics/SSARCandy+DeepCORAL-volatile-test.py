# report: https://github.com/SSARCandy/DeepCORAL/blob/200f7c8626236b6d04cab048670b85f14deaa17f/main.py#L85
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: each test batch records the autograd graph through the network
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 6), nn.ReLU(inplace=True), nn.Dropout(), nn.Linear(6, 4))
loader = [(torch.randn(3, 8), torch.tensor([0, 1, 3]))]
model.eval()
recorded = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    test_loss = 0.0
    for data, target in loader:
        data, target = Variable(data, volatile=True), Variable(target)
        out = model(data)
        recorded.append(out.requires_grad and out.grad_fn is not None)
        test_loss += F.cross_entropy(out, target, reduction="sum").item()
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
