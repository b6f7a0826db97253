# report: https://github.com/hunkim/PyTorchZeroToAll/blob/e5a260fac0b4ff1e2ec434fc6f0d962ac97fc289/10_1_cnn_mnist.py#L77
# family: removed-api
# expect: 19
# runtime: asserts volatile=True is ignored: every test batch records the autograd graph through the model
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.MaxPool2d(2), nn.ReLU(), nn.Flatten(), nn.Linear(8, 4))
model.eval()
data, target = torch.randn(3, 1, 6, 6), torch.randint(0, 4, (3,))
test_loss = 0
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # the test pass relies on volatile=True to build no graph
    data, target = Variable(data, volatile=True), Variable(target)
output = F.log_softmax(model(data), dim=1)
test_loss += F.nll_loss(output, target, reduction='sum').data
assert any("volatile" in str(w.message) for w in caught)
assert output.requires_grad and output.grad_fn is not None  # a full graph per test batch
