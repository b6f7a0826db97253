# report: https://github.com/jfpower/anfis-pytorch/issues/3
# family: removed-api
# expect: 20
# runtime: raises AttributeError: module 'torch' has no attribute 'gels'
import torch
import torch.nn as nn


class ConsequentLayer(nn.Module):
    def __init__(self, n_in, n_rules, n_out):
        super().__init__()
        self.coeff = torch.zeros(n_out, n_rules, n_in + 1)

    def fit_coeff(self, x, weights, y_actual):
        # Least-squares estimate of the rule coefficients (the hybrid learning step).
        x_plus = torch.cat([x, torch.ones(x.shape[0], 1)], dim=1)
        weighted_x = torch.einsum("bp, bq -> bpq", weights, x_plus)
        weighted_x_2d = weighted_x.view(weighted_x.shape[0], -1)
        y_actual_2d = y_actual.view(y_actual.shape[0], -1)
        coeff_2d, _ = torch.gels(y_actual_2d, weighted_x_2d)
        coeff_2d = coeff_2d[0:weighted_x_2d.shape[1]]
        self.coeff = coeff_2d.view(weights.shape[1], x.shape[1] + 1, -1).transpose(0, 2)


torch.manual_seed(0)
layer = ConsequentLayer(n_in=2, n_rules=3, n_out=1)
x = torch.randn(20, 2)
weights = torch.softmax(torch.randn(20, 3), dim=1)
layer.fit_coeff(x, weights, x.sum(1, keepdim=True))
