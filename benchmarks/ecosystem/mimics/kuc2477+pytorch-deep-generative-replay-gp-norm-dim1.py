# report: https://github.com/kuc2477/pytorch-deep-generative-replay/blob/b2d82e45b69876ddab0f7ce38737888e17e377f2/models.py#L141
# family: grad-missing
# expect: 22
# runtime: asserts gradient penalty takes the norm over the channel axis of a 4-D gradient, penalising every pixel instead of each sample's gradient norm
import torch
import torch.nn as nn
from torch import autograd

torch.manual_seed(0)
critic = nn.Sequential(nn.Conv2d(1, 4, 3, 2, 1), nn.LeakyReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 1))
EPSILON = 1e-16


def gradient_penalty(x, g, lamda=10.):
    a = torch.rand(x.size(0), 1).expand(x.size(0), x.nelement() // x.size(0)).contiguous().view_as(x)
    interpolated = (a * x.data + (1 - a) * g.data).requires_grad_(True)
    c = critic(interpolated)
    gradients = autograd.grad(c, interpolated, grad_outputs=torch.ones(c.size()),
                              create_graph=True, retain_graph=True)[0]
    per_sample = gradients.view(x.size(0), -1).norm(2, dim=1)
    print("norm(dim=1) shape:", tuple((gradients + EPSILON).norm(2, dim=1).shape), "per-sample shape:", tuple(per_sample.shape))
    gp = lamda * ((1 - (gradients + EPSILON).norm(2, dim=1)) ** 2).mean()
    right = lamda * ((1 - per_sample) ** 2).mean()
    return gp, right


x, g = torch.rand(5, 1, 8, 8), torch.rand(5, 1, 8, 8)
gp, right = gradient_penalty(x, g)
print("penalty used:", gp.item(), "per-sample WGAN-GP penalty:", right.item())
assert not torch.allclose(gp, right)
