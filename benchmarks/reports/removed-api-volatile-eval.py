# report: https://github.com/WuJie1010/Facial-Expression-Recognition.Pytorch/issues/87
# family: removed-api
# expect: 19
# runtime: warns volatile was removed and now has no effect
# twin: removed-api-volatile-eval-ok.py
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 7))
test_loader = [(torch.randn(3, 1, 8, 8), torch.randint(0, 7, (3,))) for _ in range(2)]


def evaluate():
    net.eval()
    correct, outputs_kept = 0, []
    for inputs, targets in test_loader:
        inputs, targets = Variable(inputs, volatile=True), Variable(targets)
        outputs = net(inputs)
        outputs_kept.append(outputs)
        correct += (outputs.argmax(1) == targets).sum().item()
    return correct, outputs_kept


correct, outputs_kept = evaluate()
# The flag is ignored: every test output still carries its graph.
assert all(o.requires_grad and o.grad_fn is not None for o in outputs_kept)
