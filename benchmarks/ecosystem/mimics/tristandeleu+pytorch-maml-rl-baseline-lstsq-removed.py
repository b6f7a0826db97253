# report: https://github.com/tristandeleu/pytorch-maml-rl/blob/21d4ba1ccd300a403928e6db553c9529bcc3fbdf/maml_rl/baseline.py#L62
# family: removed-api
# expect: 25
# runtime: raises RuntimeError: Unable to solve the normal equations
import torch
import torch.nn as nn

torch.manual_seed(0)


class LinearBaseline(nn.Module):
    def __init__(self, feature_size, reg_coeff=1e-5):
        super().__init__()
        self.feature_size = feature_size
        self.reg_coeff = reg_coeff
        self.weight = nn.Parameter(torch.zeros(feature_size), requires_grad=False)
        self._eye = torch.eye(feature_size)

    def fit(self, featmat, returns):
        reg = self.reg_coeff
        XT_y = featmat.t() @ returns
        XT_X = featmat.t() @ featmat
        for _ in range(5):
            try:
                coeffs, _ = torch.lstsq(XT_y, XT_X + reg * self._eye)
                if torch.isnan(coeffs).any() or torch.isinf(coeffs).any():
                    raise RuntimeError
                break
            except RuntimeError:
                reg *= 10
        else:
            raise RuntimeError("Unable to solve the normal equations (max reg %g)" % reg)
        self.weight.copy_(coeffs.flatten())


b = LinearBaseline(4)
b.fit(torch.randn(20, 4), torch.randn(20, 1))
