# report: https://github.com/mil-tokyo/MCD_DA/blob/af10217c5c5451dcd8bc3e975a7d067c285cc029/classification/solver.py#L222
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: the test forward records the autograd graph through G and C1
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(6, 5), nn.BatchNorm1d(5))
c1 = nn.Linear(5, 3)
dataset_test = [(torch.randn(4, 6), torch.tensor([0, 1, 2, 1]))]

gen.eval()
c1.eval()
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for img, label in dataset_test:
        img, label = Variable(img, volatile=True), Variable(label)
        output1 = c1(gen(img))
        graphs.append(output1.grad_fn is not None)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
