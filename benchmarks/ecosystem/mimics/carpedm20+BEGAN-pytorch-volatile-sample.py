# report: https://github.com/carpedm20/BEGAN-pytorch/blob/487d7fc1403772c307f2bb16f9fb637a038175c1/trainer.py#L109
# family: removed-api
# expect: 15
# runtime: asserts volatile=True is ignored: the fixed-noise samples and their D reconstructions record autograd graphs
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(2, 6), nn.ELU())
D = nn.Sequential(nn.Linear(6, 3), nn.ELU(), nn.Linear(3, 6))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    z_fixed = Variable(torch.randn(4, 2), volatile=True)  # meant to sample without a graph
x_fake = G(z_fixed)
recon = D(x_fake)
assert any("volatile" in str(w.message) for w in caught)
assert x_fake.grad_fn is not None and recon.grad_fn is not None
