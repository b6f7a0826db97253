# report: https://github.com/mil-tokyo/MCD_DA/blob/af10217c5c5451dcd8bc3e975a7d067c285cc029/classification/model/grad_reverse.py#L16
# family: removed-api
# expect: 22
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
import torch
import torch.nn as nn
from torch.autograd import Function


class GradReverse(Function):
    def __init__(self, lambd):
        self.lambd = lambd

    def forward(self, x):
        return x.view_as(x)

    def backward(self, grad_output):
        return grad_output * -self.lambd


def grad_reverse(x, lambd=1.0):
    return GradReverse(lambd)(x)


torch.manual_seed(0)
gen, clf = nn.Linear(6, 5), nn.Linear(5, 3)
feat_t = gen(torch.randn(4, 6))
out = clf(grad_reverse(feat_t, 1.0))
out.softmax(1).mean().backward()
