# report: https://github.com/median-research-group/LibMTL/issues/66
# family: removed-api
# expect: 20
# runtime: raises RuntimeError: This function was deprecated since version 1.9 and is now removed
# twin: removed-api-symeig-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
shared = nn.Linear(6, 4)
heads = nn.ModuleList([nn.Linear(4, 1) for _ in range(3)])
x = torch.randn(8, 6)
targets = [torch.randn(8, 1) for _ in heads]


def aligned_weights(losses):
    # Stack per-task gradients of the shared layer and align them via the Gram matrix.
    grads = torch.stack([torch.autograd.grad(l, shared.weight, retain_graph=True)[0].flatten() for l in losses])
    M = grads @ grads.t()
    lmbda, V = torch.symeig(M, eigenvectors=True)
    sigma = torch.diag(lmbda.clamp(min=1e-8).rsqrt())
    B = lmbda.max().sqrt() * (V @ sigma @ V.t())
    return B.sum(0) / len(losses)


h = shared(x)
losses = [nn.functional.mse_loss(head(h), t) for head, t in zip(heads, targets)]
w = aligned_weights(losses)
sum(wi * li for wi, li in zip(w, losses)).backward()
