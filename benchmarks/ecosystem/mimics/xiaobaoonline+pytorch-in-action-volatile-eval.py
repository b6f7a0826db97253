# report: https://github.com/xiaobaoonline/pytorch-in-action/blob/193745dc0b45b4c292ad9276eac0023c4ac85ae8/chapter5_%E5%8D%B7%E7%A7%AF%E7%A5%9E%E7%BB%8F%E7%BD%91%E7%BB%9C/mycnn.py#L110
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored, so the test loop records an autograd graph for every batch
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
criterion = nn.CrossEntropyLoss()
test_loader = [(torch.randn(5, 1, 8, 8), torch.randint(0, 10, (5,))) for _ in range(3)]
model.eval()
eval_loss, graphs = 0, []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for data in test_loader:
        img, label = data
        img = Variable(img, volatile=True)  # meant: no graph during testing
        label = Variable(label, volatile=True)
        out = model(img)
        loss = criterion(out, label)
        graphs.append(loss.grad_fn is not None)
        eval_loss += loss.item() * label.size(0)

assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
