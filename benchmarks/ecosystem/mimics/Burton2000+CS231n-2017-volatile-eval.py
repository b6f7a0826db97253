# report: https://github.com/Burton2000/CS231n-2017/blob/0a0bd0194d9d4606dc864272823c21dba7b0e0f9/assignment2/PyTorch.ipynb
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: every accuracy batch records the autograd graph through the model
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 8), nn.ReLU(inplace=True), nn.BatchNorm1d(8), nn.Linear(8, 3))
loader = [(torch.randn(4, 3, 2, 2), torch.randint(0, 3, (4,)))]


def check_accuracy(model, loader):
    num_correct, num_samples = 0, 0
    model.eval()
    graphs = []
    for x, y in loader:
        x_var = Variable(x, volatile=True)  # meant to build no graph
        scores = model(x_var)
        graphs.append(scores.grad_fn is not None)
        _, preds = scores.data.max(1)
        num_correct += (preds == y).sum().item()
        num_samples += preds.size(0)
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = check_accuracy(model, loader)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
