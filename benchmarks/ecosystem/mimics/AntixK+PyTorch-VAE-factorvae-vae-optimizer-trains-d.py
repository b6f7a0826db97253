# report: https://github.com/AntixK/PyTorch-VAE/blob/a6896b944c918dd7030e7d795a8c13e5c6345ec7/experiment.py#L97
# family: gan-step
# expect: 16
# runtime: asserts the VAE optimizer built over all model parameters also steps the TC discriminator with the VAE's TC term, whose gradient opposes the discriminator's own loss
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, D = 16, 4
model = nn.ModuleDict({
    'encoder': nn.Linear(10, 2 * D),
    'decoder': nn.Linear(D, 10),
    'discriminator': nn.Sequential(nn.Linear(D, 16), nn.LeakyReLU(0.2), nn.Linear(16, 2)),
})
opt_vae = torch.optim.Adam(model.parameters(), lr=5e-3)
opt_d = torch.optim.Adam(model['discriminator'].parameters(), lr=5e-3)
disc = model['discriminator']
x = torch.randn(B, 10)

mu, log_var = model['encoder'](x).chunk(2, dim=1)
z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
recons = model['decoder'](z)
d_z = disc(z)
tc = (d_z[:, 0] - d_z[:, 1]).mean()
loss = F.mse_loss(recons, x) + 6.4 * tc

# the discriminator's own objective on the same codes (real z -> class 0)
d_own = F.cross_entropy(disc(z.detach()), torch.zeros(B, dtype=torch.long))
g_own = torch.autograd.grad(d_own, list(disc.parameters()))

before = [p.detach().clone() for p in disc.parameters()]
opt_vae.zero_grad()
loss.backward()
g_vae = [p.grad.clone() for p in disc.parameters()]
opt_vae.step()

dot = sum((a * b).sum() for a, b in zip(g_vae, g_own))
assert dot < 0  # VAE's TC gradient on D points against D's loss gradient
assert not all(torch.equal(a, p) for a, p in zip(before, disc.parameters()))  # D was stepped by the VAE optimizer
after_own = F.cross_entropy(disc(z.detach()), torch.zeros(B, dtype=torch.long))
assert after_own > d_own  # the discriminator got worse from the VAE step
print('D loss before/after VAE step', d_own.item(), after_own.item())
