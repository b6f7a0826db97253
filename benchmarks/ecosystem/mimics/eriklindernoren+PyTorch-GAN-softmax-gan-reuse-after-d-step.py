# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/softmax_gan/softmax_gan.py#L154
# family: gan-step
# expect: 27 30
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(3, 8), nn.LeakyReLU(0.2), nn.Linear(8, 6), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
opt_g = torch.optim.Adam(generator.parameters(), lr=1e-3)
opt_d = torch.optim.Adam(discriminator.parameters(), lr=1e-3)

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
d_loss.backward(retain_graph=True)
opt_d.step()  # the discriminator weights change in place

g_loss = (1 / (2 * batch)) * (torch.sum(d_real) + torch.sum(d_fake)) + torch.log(partition + 1e-8)
g_loss.backward()  # back through the discriminator graph saved before the step
opt_g.step()
