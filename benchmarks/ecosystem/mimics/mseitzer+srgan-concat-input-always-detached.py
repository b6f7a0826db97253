# report: https://github.com/mseitzer/srgan/blob/70f88fbac26b5a3659847965befea2fdd49eb625/training/adversarial_runner.py#L122
# family: grad-missing
# expect: 18
# runtime: asserts the 'concat' discriminator input detaches the generator output even when detach=False, so the adversarial generator loss leaves every generator gradient at zero
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
gen = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 3, 3, padding=1))
disc = nn.Sequential(nn.Conv2d(6, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                     nn.Flatten(), nn.Linear(4 * 4 * 4, 1), nn.Sigmoid())


def concat(out_gen, inp, detach=False):
    if detach:
        out_gen = out_gen.detach()
    return torch.cat((out_gen.detach(), inp), dim=1)


inp = torch.rand(2, 3, 8, 8)
out_gen = gen(inp)
out_disc_fake = disc(concat(out_gen, inp, detach=False))
adv_loss = F.binary_cross_entropy(out_disc_fake, torch.ones_like(out_disc_fake))
gen_params = list(gen.parameters())
grads = torch.autograd.grad(adv_loss, gen_params, allow_unused=True)
assert all(g is None for g in grads)  # the generator gets no adversarial signal
print("adversarial grads reaching generator:", grads)
