# report: https://github.com/JavierAntoran/Bayesian-Neural-Networks/blob/49a02f188ba08d1069f33859f5caf0be6622f3cd/src/Bayes_By_Backprop/model.py#L404
# family: removed-api
# expect: 34,35
# runtime: raises RuntimeError: Subtraction, the `-` operator, with a bool tensor is not supported
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class BayesLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.W_mu = nn.Parameter(torch.empty(n_in, n_out).uniform_(-0.1, 0.1))
        self.W_p = nn.Parameter(torch.empty(n_in, n_out).uniform_(-3, -2))


net = nn.Sequential(BayesLinear(6, 5), BayesLinear(5, 3))


def snr_masks(model, thresh):
    masks = {}
    sd = model.state_dict()
    for name in ("0", "1"):
        sig = 1e-6 + F.softplus(sd[name + ".W_p"], beta=1, threshold=20)
        masks[name] = (sd[name + ".W_mu"].abs() / sig) > thresh  # bool tensor in torch >= 1.2
    return masks


sd = net.state_dict()
masks = snr_masks(net, thresh=1.0)
for name in ("0", "1"):
    sd[name + ".W_mu"][1 - masks[name]] = 0  # prune low-SNR weights, written for uint8 masks
    sd[name + ".W_p"][1 - masks[name]] = -1000
print("pruned", sum(int((~m).sum()) for m in masks.values()))
