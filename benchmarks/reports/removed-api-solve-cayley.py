# report: https://github.com/pytorch/tutorials/issues/2641
# family: removed-api
# expect: 24
# runtime: raises RuntimeError: This function was deprecated since version 1.9 and is now removed
# twin: removed-api-solve-cayley-ok.py
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P


class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)


class CayleyMap(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        # (I + X)(I - X)^{-1}
        return torch.solve(self.Id + X, self.Id - X).solution


torch.manual_seed(0)
layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Skew())
P.register_parametrization(layer, "weight", CayleyMap(3))
out = layer(torch.randn(4, 3))
out.sum().backward()
