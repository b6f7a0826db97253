# report: https://github.com/facebookresearch/mixup-cifar10/blob/eaff31ab397a90fbc0a4aac71fb5311144b3608b/train.py#L184
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: every test batch records the autograd graph through the network
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(12, 10))
criterion = nn.CrossEntropyLoss()
testloader = [(torch.randn(4, 3, 2, 2), torch.randint(0, 10, (4,))) for _ in range(2)]
net.eval()
test_loss = 0
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for batch_idx, (inputs, targets) in enumerate(testloader):
        inputs, targets = Variable(inputs, volatile=True), Variable(targets)
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        graphs.append(loss.grad_fn is not None)
        test_loss += loss.item()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
