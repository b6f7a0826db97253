# report: https://github.com/katerakelly/pytorch-maml/blob/75907aca148ad053dfaf75fc138319f0d89534a8/src/score.py#L30
# family: removed-api
# expect: 25
# runtime: raises IndexError: too many indices for array
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(8, 5)
loss_fn = nn.CrossEntropyLoss()
loader = [(torch.randn(5, 8), torch.arange(5)) for _ in range(2)]


def forward_pass(net, in_, target):
    out = net(in_)
    return loss_fn(out, target), out


def evaluate(net, loader):
    num_correct = 0
    loss = 0
    for in_, target in loader:
        l, out = forward_pass(net, in_, target)
        loss += l.data.cpu().numpy()[0]
        num_correct += int((np.argmax(out.data.cpu().numpy(), axis=1) == target.numpy()).sum())
    return float(loss) / len(loader), float(num_correct) / 10


evaluate(net, loader)
