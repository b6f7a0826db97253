# report: https://github.com/christiancosgrove/pytorch-spectral-normalization-gan/blob/12dcf945a6359301d63d1e0da3708cd0f0590b19/spectral_normalization.py#L31
# family: detach-alias
# expect: 24 25
# runtime: asserts the hinge loss's backward through D(real) uses the u, v that the D(fake) forward wrote through .data (the weight gradient differs from one with each forward's own u, v)
import torch
import torch.nn as nn
from torch.nn import Parameter

torch.manual_seed(1)


def unit(t, eps=1e-12):
    return t / (t.norm() + eps)


weight_bar = Parameter(torch.randn(4, 6))
u_start = unit(torch.randn(4))
v_start = unit(torch.randn(6))
u_vec = Parameter(u_start.clone(), requires_grad=False)
v_vec = Parameter(v_start.clone(), requires_grad=False)


def disc(x, snapshot=False):
    v_vec.data = unit(torch.mv(torch.t(weight_bar.view(4, -1).data), u_vec.data))
    u_vec.data = unit(torch.mv(weight_bar.view(4, -1).data, v_vec.data))
    uu = u_vec.detach().clone() if snapshot else u_vec
    vv = v_vec.detach().clone() if snapshot else v_vec
    sigma = uu.dot(weight_bar.view(4, -1).mv(vv))
    w = weight_bar / sigma.expand_as(weight_bar)
    return (x @ w.t()).sum(1, keepdim=True)


real, fake = torch.randn(5, 6), torch.randn(5, 6)
disc_loss = nn.ReLU()(1.0 - disc(real)).mean() + nn.ReLU()(1.0 + disc(fake)).mean()
disc_loss.backward()
seen = weight_bar.grad.clone()

weight_bar.grad = None
u_vec.data, v_vec.data = u_start.clone(), v_start.clone()
ref_loss = nn.ReLU()(1.0 - disc(real, True)).mean() + nn.ReLU()(1.0 + disc(fake, True)).mean()
ref_loss.backward()
ref = weight_bar.grad.clone()

assert torch.allclose(disc_loss, ref_loss)  # identical forward values
assert not torch.allclose(seen, ref, atol=1e-5)  # but the D(real) term's gradient used the later u, v
print('max grad difference', (seen - ref).abs().max().item())
