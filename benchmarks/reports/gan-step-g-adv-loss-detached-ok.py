# report: https://github.com/nikhilsinghmus/image2reverb/issues/37
# family: gan-step
# expect: none
# runtime: runs: the G step keeps the fake attached and freezes D instead
# twin: gan-step-g-adv-loss-detached.py
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
        self.d.requires_grad_(False)
        d_fake = self.d(torch.cat([fake_spec, features.detach()], 1))
        self.d.requires_grad_(True)
        adv = F.mse_loss(d_fake, torch.ones_like(d_fake))
        return adv, 100.0 * F.l1_loss(fake_spec, real_spec)


model = Image2Spec()
features, real_spec = torch.randn(4, 12), torch.randn(4, 16)
adv, rec = model.generator_loss(features, real_spec)
adv_grad = torch.autograd.grad(adv, list(model.g.parameters()), retain_graph=True)
assert all(g.abs().sum() > 0 for g in adv_grad)
(adv + rec).backward()
assert model.d[0].weight.grad is None
