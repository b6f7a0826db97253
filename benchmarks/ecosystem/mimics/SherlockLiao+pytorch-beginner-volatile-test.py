# report: https://github.com/SherlockLiao/pytorch-beginner/blob/3c48d7eae315d4b01ef36eab711efcd528a87744/04-Convolutional%20Neural%20Network/convolution_network.py#L122
# family: removed-api
# expect: 18
# runtime: asserts volatile=True is ignored: every evaluation batch records the autograd graph through the model
import warnings
import torch
from torch import nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.Flatten(), nn.Linear(3 * 4 * 4, 4))
criterion = nn.CrossEntropyLoss()
model.eval()
img, label = torch.randn(5, 1, 6, 6), torch.randint(0, 4, (5,))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # the evaluation loop relies on volatile to build no graph
    img = Variable(img, volatile=True)
    label = Variable(label, volatile=True)
out = model(img)
loss = criterion(out, label)
assert any("volatile" in str(w.message) for w in caught)
assert loss.requires_grad and loss.grad_fn is not None
