# report: https://github.com/thuml/MDD/issues/6
# family: removed-api
# expect: 14 26
# runtime: raises RuntimeError: Legacy autograd function with non-static forward method is deprecated
# twin: removed-api-legacy-function-grl-ok.py
import torch
import torch.nn as nn


class GradientReverseLayer(torch.autograd.Function):
    def __init__(self, coeff=1.0):
        self.coeff = coeff

    def forward(self, input):
        return input.view_as(input)

    def backward(self, grad_output):
        return -self.coeff * grad_output


torch.manual_seed(0)
features = nn.Linear(6, 4)
domain_head = nn.Linear(4, 2)
x, domain = torch.randn(5, 6), torch.randint(0, 2, (5,))
feat = features(x)
reversed_feat = GradientReverseLayer(coeff=0.5)(feat)
loss = nn.functional.cross_entropy(domain_head(reversed_feat), domain)
loss.backward()
