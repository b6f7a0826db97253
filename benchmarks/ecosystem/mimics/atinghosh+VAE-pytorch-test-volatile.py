# report: https://github.com/atinghosh/VAE-pytorch/blob/e5365f2ecb6635321b045eb8a21ff57af558a532/main.py#L124
# family: no-grad-misuse
# expect: 21
# runtime: asserts volatile=True no longer disables autograd, so the test loop builds a full VAE graph for every batch
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, 12), nn.Sigmoid())
model.eval()


def test(batches):
    test_loss = 0
    with_graph = 0
    for data in batches:
        # "we're only going to infer, so no autograd at all required"
        data = Variable(data, volatile=True)
        recon = model(data)
        loss = nn.functional.binary_cross_entropy(recon, data, reduction='sum')
        with_graph += loss.requires_grad
        test_loss += loss.item()
    return with_graph


n = test([torch.rand(4, 12) for _ in range(3)])
print("test batches that recorded a graph:", n)
assert n == 3
