# report: https://github.com/hardmaru/pytorch_notebooks/blob/83a0a20318eb2872537593a387069f3c74a186e8/mnist_es/pytorch_mnist_mini_adam.ipynb
# family: removed-api
# expect: 21
# runtime: asserts Variable(data, volatile=True) is ignored: every evaluation batch records the autograd graph through the network
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 4 * 4, 10), nn.LogSoftmax(dim=1))
test_loader = [(torch.randn(4, 1, 6, 6), torch.randint(0, 10, (4,)))]
graphs = []


def evaluate(model, test_loader):
    model.eval()
    for data, target in test_loader:
        data, target = Variable(data, volatile=True), Variable(target)
        output = model(data)
        graphs.append(output.grad_fn is not None)
        F.nll_loss(output, target, reduction="sum").item()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    evaluate(model, test_loader)
assert any("volatile" in str(w.message) for w in caught)
assert graphs == [True]
