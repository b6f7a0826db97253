# report: https://github.com/nikhilsinghmus/image2reverb/issues/37
# family: gan-step
# expect: 21
# runtime: asserts the generator gets no gradient from its adversarial loss
# twin: gan-step-g-adv-loss-detached-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Image2Spec(nn.Module):
    def __init__(self):
        super().__init__()
        self.g = nn.Sequential(nn.Linear(12, 24), nn.ReLU(), nn.Linear(24, 16))
        self.d = nn.Sequential(nn.Linear(16 + 12, 24), nn.ReLU(), nn.Linear(24, 1))

    def generator_loss(self, features, real_spec):
        fake_spec = self.g(features)
        d_fake = self.d(torch.cat([fake_spec.detach(), features], 1))
        adv = F.mse_loss(d_fake, torch.ones_like(d_fake))
        return adv, 100.0 * F.l1_loss(fake_spec, real_spec)


model = Image2Spec()
features, real_spec = torch.randn(4, 12), torch.randn(4, 16)
adv, rec = model.generator_loss(features, real_spec)
adv_grad = torch.autograd.grad(adv, list(model.g.parameters()), allow_unused=True)
assert all(g is None for g in adv_grad)  # the adversarial term cannot move G
(adv + rec).backward()
