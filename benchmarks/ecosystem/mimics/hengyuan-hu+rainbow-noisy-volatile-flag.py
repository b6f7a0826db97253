# report: https://github.com/hengyuan-hu/rainbow/blob/192fcd105909ed9d86448e59c3afc92f7a1fd342/model.py#L93
# family: removed-api
# expect: 34
# runtime: asserts x.volatile is always False now, so NoisyLinear resamples its noise on every acting/target forward instead of once per update
import math
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)


class NoisyLinear(nn.Module):
    def __init__(self, in_features, out_features, sigma0=0.5):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-0.3, 0.3))
        self.bias = nn.Parameter(torch.zeros(out_features))
        self.noisy_weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-0.3, 0.3))
        self.noisy_bias = nn.Parameter(torch.zeros(out_features))
        self.noise_std = sigma0 / math.sqrt(in_features)
        self.in_noise, self.out_noise = torch.zeros(in_features), torch.zeros(out_features)
        self.sample_noise()

    def sample_noise(self):
        self.in_noise.normal_(0, self.noise_std)
        self.out_noise.normal_(0, self.noise_std)
        self.noise = torch.mm(self.out_noise.view(-1, 1), self.in_noise.view(1, -1))

    def forward(self, x):
        normal_y = nn.functional.linear(x, self.weight, self.bias)
        if not x.volatile:  # update the noise once per update
            self.sample_noise()
        noisy_y = nn.functional.linear(x, self.noisy_weight * Variable(self.noise), self.noisy_bias * Variable(self.out_noise))
        return noisy_y + normal_y


layer = NoisyLinear(5, 3)
noise_before = layer.noise.clone()
state = torch.randn(1, 5)
q_vals = layer(Variable(state, volatile=True)).data  # online_q_values() while acting
assert not torch.equal(layer.noise, noise_before)  # acting resampled the noise
assert q_vals.shape == (1, 3)
