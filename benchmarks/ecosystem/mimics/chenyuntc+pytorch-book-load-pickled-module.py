# report: https://github.com/chenyuntc/pytorch-book/blob/688951721d11cd3f92440801e1b68b65ae2e439f/Chapter4/Chapter4.ipynb
# family: removed-api
# expect: 30
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types
import torch as t
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.param1 = nn.Parameter(t.rand(3, 3))
        self.submodel1 = nn.Linear(3, 4)

    def forward(self, input):
        return self.submodel1(self.param1.mm(input))


nb = types.ModuleType("nb")  # a notebook's classes live in its own main module
nb.Net, Net.__module__ = Net, "nb"
sys.modules["nb"] = nb

net = Net()
f = io.BytesIO()
t.save(net, f)  # the whole module, pickled
f.seek(0)
net2 = t.load(f)  # weights_only=True by default since torch 2.6
print(net2)
