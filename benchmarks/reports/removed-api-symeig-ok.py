# report: https://github.com/median-research-group/LibMTL/issues/66
# family: removed-api
# expect: none
# runtime: runs: torch.linalg.eigh replaces torch.symeig(..., eigenvectors=True)
# twin: removed-api-symeig.py
import torch
import torch.nn as nn

torch.manual_seed(0)
shared = nn.Linear(6, 4)
heads = nn.ModuleList([nn.Linear(4, 1) for _ in range(3)])
x = torch.randn(8, 6)
targets = [torch.randn(8, 1) for _ in heads]


def aligned_weights(losses):
    grads = torch.stack([torch.autograd.grad(l, shared.weight, retain_graph=True)[0].flatten() for l in losses])
    M = grads @ grads.t()
    lmbda, V = torch.linalg.eigh(M)
    sigma = torch.diag(lmbda.clamp(min=1e-8).rsqrt())
    B = lmbda.max().sqrt() * (V @ sigma @ V.t())
    return B.sum(0) / len(losses)


h = shared(x)
losses = [nn.functional.mse_loss(head(h), t) for head, t in zip(heads, targets)]
w = aligned_weights(losses)
sum(wi * li for wi, li in zip(w, losses)).backward()
assert shared.weight.grad is not None and w.shape == (3,)
