# report: https://github.com/WuJie1010/Facial-Expression-Recognition.Pytorch/issues/87
# family: removed-api
# expect: none
# runtime: runs: evaluation under torch.no_grad() builds no graph
# twin: removed-api-volatile-eval.py
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 7))
test_loader = [(torch.randn(3, 1, 8, 8), torch.randint(0, 7, (3,))) for _ in range(2)]


def evaluate():
    net.eval()
    correct, outputs_kept = 0, []
    with torch.no_grad():
        for inputs, targets in test_loader:
            inputs, targets = Variable(inputs), Variable(targets)
            outputs = net(inputs)
            outputs_kept.append(outputs)
            correct += (outputs.argmax(1) == targets).sum().item()
    return correct, outputs_kept


correct, outputs_kept = evaluate()
assert not any(o.requires_grad for o in outputs_kept)
