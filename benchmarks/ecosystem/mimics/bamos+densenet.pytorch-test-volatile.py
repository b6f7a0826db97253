# report: https://github.com/bamos/densenet.pytorch/blob/d1cd5e1957975628286e516512c6d1c14430f810/train.py#L139
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: every test batch records the DenseNet graph
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.BatchNorm2d(3), nn.ReLU(), nn.Conv2d(3, 6, 3, padding=1), nn.AvgPool2d(8), nn.Flatten(), nn.Linear(6, 10), nn.LogSoftmax(dim=1))
test_loader = [(torch.rand(4, 3, 8, 8), torch.randint(0, 10, (4,))) for _ in range(2)]
net.eval()
test_loss, incorrect, recorded = 0, 0, []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for data, target in test_loader:
        # the no-grad switch for evaluation
        data, target = Variable(data, volatile=True), Variable(target)
        output = net(data)
        batch_loss = F.nll_loss(output, target)
        recorded.append(batch_loss.grad_fn is not None)
        test_loss += batch_loss.item()
        incorrect += output.data.max(1)[1].ne(target.data).cpu().sum()
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
