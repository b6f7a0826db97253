# report: https://github.com/znxlwm/pytorch-CycleGAN/blob/4ed4d182d19dd3930f670be61c9b5b2de73dc58b/pytorch_cycleGAN.py#L234
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: the test translation and its reconstruction record the autograd graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
G_A = nn.Conv2d(3, 3, 1)
G_B = nn.Conv2d(3, 3, 1)
test_loader_A = [(torch.randn(1, 3, 4, 4), 0)]

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = []
    for realA, _ in test_loader_A:
        img = (realA[0].numpy().transpose(1, 2, 0) + 1) / 2
        realA = Variable(realA, volatile=True)
        genB = G_A(realA)
        out = (genB[0].cpu().data.numpy().transpose(1, 2, 0) + 1) / 2
        recA = G_B(genB)
        graphs.append(recA.grad_fn is not None and recA.requires_grad)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
