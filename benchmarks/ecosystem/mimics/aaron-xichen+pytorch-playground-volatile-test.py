# report: https://github.com/aaron-xichen/pytorch-playground/blob/5d476295f1c1564c8074eb885bb6138d6bd09889/mnist/train.py#L106
# family: removed-api
# expect: 22
# runtime: asserts volatile=True is ignored: every test batch records the autograd graph through the model
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
test_loader = [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,))) for _ in range(2)]
model.eval()
test_loss = 0
correct = 0
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for data, target in test_loader:
        indx_target = target.clone()
        data, target = Variable(data, volatile=True), Variable(target)
        output = model(data)
        graphs.append(output.grad_fn is not None)
        test_loss += F.cross_entropy(output, target).data
        pred = output.data.max(1)[1]
        correct += pred.cpu().eq(indx_target).sum()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
