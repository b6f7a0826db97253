# report: https://github.com/martinarjovsky/WassersteinGAN/blob/f7a01e82007ea408647c451b9e1c8f1932a3db67/main.py#L236
# family: removed-api
# expect: 19
# runtime: asserts volatile=True is ignored: the periodic fixed-noise sampling records the autograd graph through netG
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
netG = nn.Sequential(nn.ConvTranspose2d(4, 3, 4, 1, 0, bias=False), nn.BatchNorm2d(3), nn.Tanh())
fixed_noise = torch.randn(2, 4, 1, 1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for gen_iterations in range(1, 1001):
        if gen_iterations % 500 != 0:
            continue
        # meant to sample without recording a graph
        fake = netG(Variable(fixed_noise, volatile=True))
        fake.data = fake.data.mul(0.5).add(0.5)
        assert fake.grad_fn is not None
assert any("volatile" in str(w.message) for w in caught)
