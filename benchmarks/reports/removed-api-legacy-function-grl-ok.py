# report: https://github.com/thuml/MDD/issues/6
# family: removed-api
# expect: none
# runtime: runs: a static-method Function called through .apply reverses the gradient
# twin: removed-api-legacy-function-grl.py
import torch
import torch.nn as nn


class GradientReverseLayer(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input, coeff):
        ctx.coeff = coeff
        return input.view_as(input)

    @staticmethod
    def backward(ctx, grad_output):
        return -ctx.coeff * grad_output, None


torch.manual_seed(0)
features = nn.Linear(6, 4)
domain_head = nn.Linear(4, 2)
x, domain = torch.randn(5, 6), torch.randint(0, 2, (5,))
feat = features(x)
reversed_feat = GradientReverseLayer.apply(feat, 0.5)
loss = nn.functional.cross_entropy(domain_head(reversed_feat), domain)
plain = torch.autograd.grad(nn.functional.cross_entropy(domain_head(feat), domain), feat, retain_graph=True)[0]
rev = torch.autograd.grad(loss, feat)[0]
assert torch.allclose(rev, -0.5 * plain)
