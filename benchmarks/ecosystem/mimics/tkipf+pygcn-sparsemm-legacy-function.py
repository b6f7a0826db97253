# report: https://github.com/tkipf/pygcn/blob/687f2d4d84598d6ad1f1488e1e95b51c634a188c/pygcn/layers.py#L59
# family: removed-api
# expect: 38
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import math

import torch
import torch.nn.functional as F
from torch.nn import Module, Parameter


class SparseMM(torch.autograd.Function):
    def forward(self, m1, m2):
        self.save_for_backward(m1, m2)
        return torch.mm(m1, m2)

    def backward(self, grad_output):
        m1, m2 = self.saved_tensors
        g1 = torch.mm(grad_output, m2.t()) if self.needs_input_grad[0] else None
        g2 = torch.mm(m1.t(), grad_output) if self.needs_input_grad[1] else None
        return g1, g2


class GraphConvolution(Module):
    def __init__(self, nin, nout):
        super().__init__()
        self.weight = Parameter(torch.Tensor(nin, nout))
        self.bias = Parameter(torch.Tensor(nout))
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        self.bias.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        support = torch.mm(x, self.weight)
        return SparseMM()(adj, support) + self.bias


torch.manual_seed(0)
n = 5
idx = torch.tensor([[0, 1, 2, 3, 4, 0], [1, 0, 3, 2, 4, 0]])
adj = torch.sparse_coo_tensor(idx, torch.full((6,), 0.5), (n, n))
gc = GraphConvolution(4, 3)
out = F.log_softmax(gc(torch.randn(n, 4), adj), dim=1)
F.nll_loss(out, torch.randint(0, 3, (n,))).backward()
