# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/03_CNN_Basics/0_MNIST/3_CNN_clean.ipynb
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: every test batch records the autograd graph through the model
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
test_loader = [(torch.randn(4, 1, 8, 8), torch.randint(0, 10, (4,))) for _ in range(2)]

correct = 0
total = 0
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for image, label in test_loader:
        x = Variable(image, volatile=True)
        y_ = Variable(label)
        output = model.forward(x)
        graphs.append(output.requires_grad and output.grad_fn is not None)
        _, output_index = torch.max(output, 1)
        total += label.size(0)
        correct += (output_index == y_).sum().float()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
