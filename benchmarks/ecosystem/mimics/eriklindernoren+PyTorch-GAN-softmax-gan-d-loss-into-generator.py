# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/softmax_gan/softmax_gan.py#L153
# family: gan-step
# expect: 24
# runtime: asserts the generator's gradient holds the discriminator loss's gradient too: d_fake is not detached and the generator grads are not zeroed between the two backward passes
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(3, 8), nn.LeakyReLU(0.2), nn.Linear(8, 6), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
opt_g = torch.optim.SGD(generator.parameters(), lr=1e-3)
opt_d = torch.optim.SGD(discriminator.parameters(), lr=1e-3)

real = torch.randn(4, 6)
z = torch.randn(4, 3)
batch = 4

opt_g.zero_grad()
opt_d.zero_grad()
gen = generator(z)
d_real = discriminator(real)
d_fake = discriminator(gen)
partition = torch.sum(torch.exp(-d_real)) + torch.sum(torch.exp(-d_fake))
d_loss = (1 / batch) * torch.sum(d_real) + torch.log(partition + 1e-8)
d_loss.backward(retain_graph=True)  # reaches the generator through d_fake

g_loss = (1 / (2 * batch)) * (torch.sum(d_real) + torch.sum(d_fake)) + torch.log(partition + 1e-8)
g_loss.backward(retain_graph=True)
used = [p.grad.clone() for p in generator.parameters()]

g_only = torch.autograd.grad(g_loss, list(generator.parameters()), retain_graph=True)
d_part = torch.autograd.grad(d_loss, list(generator.parameters()))
opt_d.step()  # the discriminator step moved after both passes, so the graph is still valid
opt_g.step()
assert all(torch.allclose(u, a + b, atol=1e-6) for u, a, b in zip(used, g_only, d_part))
assert any(b.abs().sum() > 1e-6 for b in d_part)
