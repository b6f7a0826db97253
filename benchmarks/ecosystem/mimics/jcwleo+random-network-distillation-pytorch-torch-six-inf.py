# report: https://github.com/jcwleo/random-network-distillation-pytorch/blob/e383fb95177c50bfdcd81b43e37c443c8cde1d94/utils.py#L5
# family: removed-api
# expect: 8
# runtime: raises ModuleNotFoundError: No module named 'torch._six'
import torch
import torch.nn as nn

from torch._six import inf


def grad_global_norm(params, norm_type=2):
    params = [p for p in params if p.grad is not None]
    if float(norm_type) == inf:
        return max(p.grad.abs().max().item() for p in params)
    return sum(p.grad.norm(norm_type).item() ** norm_type for p in params) ** (1.0 / norm_type)


net = nn.Linear(4, 2)
net(torch.randn(3, 4)).pow(2).mean().backward()
print(grad_global_norm(net.parameters()))
