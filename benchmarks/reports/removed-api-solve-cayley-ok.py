# report: https://github.com/pytorch/tutorials/issues/2641
# family: removed-api
# expect: none
# runtime: runs: torch.linalg.solve(A, B) with the arguments reversed from the old torch.solve(B, A)
# twin: removed-api-solve-cayley.py
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
        # (I - X)^{-1}(I + X): I + X and I - X commute, so this is the Cayley map
        return torch.linalg.solve(self.Id - X, self.Id + X)


torch.manual_seed(0)
layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Skew())
P.register_parametrization(layer, "weight", CayleyMap(3))
out = layer(torch.randn(4, 3))
out.sum().backward()
W = layer.weight
assert torch.allclose(W @ W.t(), torch.eye(3), atol=1e-5)
