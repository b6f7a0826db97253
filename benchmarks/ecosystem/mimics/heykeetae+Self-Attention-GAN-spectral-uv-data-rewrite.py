# report: https://github.com/heykeetae/Self-Attention-GAN/blob/8714a54ba5027d680190791ba3a6bb08f9c9a129/spectral.py#L31
# family: detach-alias
# expect: 22 23
# runtime: asserts the backward of the first D pass uses the u, v that the second pass wrote through .data (its weight gradient differs from the one with each pass's own u, v)
import torch
from torch.nn import Parameter

torch.manual_seed(0)


def l2normalize(t, eps=1e-12):
    return t / (t.norm() + eps)


w_bar = Parameter(torch.randn(3, 4))
u0, v0 = l2normalize(torch.randn(3)), l2normalize(torch.randn(4))
u = Parameter(u0.clone(), requires_grad=False)
v = Parameter(v0.clone(), requires_grad=False)


def sn_forward(x, keep_own_uv=False):
    v.data = l2normalize(torch.mv(torch.t(w_bar.data), u.data))
    u.data = l2normalize(torch.mv(w_bar.data, v.data))
    uu, vv = (u.clone(), v.clone()) if keep_own_uv else (u, v)
    sigma = uu.dot(w_bar.mv(vv))
    weight = w_bar / sigma.expand_as(w_bar)
    return x @ weight.t()


real, fake = torch.randn(5, 4), torch.randn(5, 4)

d_loss = -sn_forward(real).mean() + sn_forward(fake).mean()
grad_seen = torch.autograd.grad(d_loss, w_bar)[0]

u.data, v.data = u0.clone(), v0.clone()
d_loss_ref = -sn_forward(real, True).mean() + sn_forward(fake, True).mean()
grad_ref = torch.autograd.grad(d_loss_ref, w_bar)[0]

assert torch.allclose(d_loss, d_loss_ref)  # same forward values
assert not torch.allclose(grad_seen, grad_ref, atol=1e-4)  # but a different gradient
