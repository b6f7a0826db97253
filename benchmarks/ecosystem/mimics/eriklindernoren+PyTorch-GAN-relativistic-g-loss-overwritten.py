# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/relativistic_gan/relativistic_gan.py#L157
# family: grad-missing
# expect: 25
# runtime: asserts the generator steps on the plain GAN loss: the relativistic loss is computed, then overwritten before backward
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 6))
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
opt_g = torch.optim.Adam(generator.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()

real_imgs = torch.randn(5, 6)
z = torch.randn(5, 3)
valid = torch.ones(5, 1)

opt_g.zero_grad()
gen_imgs = generator(z)
real_pred = discriminator(real_imgs).detach()
fake_pred = discriminator(gen_imgs)
g_loss = loss_fn(fake_pred - real_pred.mean(0, keepdim=True), valid)
wanted = torch.autograd.grad(g_loss, list(generator.parameters()), retain_graph=True)

g_loss = loss_fn(discriminator(gen_imgs), valid)  # replaces the relativistic loss
g_loss.backward()
used = [p.grad.clone() for p in generator.parameters()]

plain = torch.autograd.grad(loss_fn(discriminator(generator(z)), valid), list(generator.parameters()))
assert all(torch.allclose(a, b) for a, b in zip(used, plain))
assert not all(torch.allclose(a, b) for a, b in zip(used, wanted))
