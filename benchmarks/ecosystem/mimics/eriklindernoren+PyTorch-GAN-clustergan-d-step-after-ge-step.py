# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/cluster_gan/clustergan.py#L471
# family: gan-step
# expect: 34 36
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.LeakyReLU(0.2), nn.Linear(8, 6), nn.Sigmoid())
encoder = nn.Linear(6, 4)
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1), nn.Sigmoid())
opt_ge = torch.optim.Adam(list(generator.parameters()) + list(encoder.parameters()), lr=1e-3)
opt_d = torch.optim.Adam(discriminator.parameters(), lr=1e-3)
bce = nn.BCELoss()

real = torch.rand(5, 6)
zn = torch.randn(5, 4)
valid = torch.ones(5, 1)
fake = torch.zeros(5, 1)

opt_ge.zero_grad()
gen = generator(zn)
d_gen = discriminator(gen)  # the generator's graph, kept for both steps
d_real = discriminator(real)

# generator + encoder step
ge_loss = bce(d_gen, valid) + (encoder(gen) - zn).pow(2).mean()
ge_loss.backward(retain_graph=True)
opt_ge.step()  # the generator weights change in place

# discriminator step on the same d_gen
opt_d.zero_grad()
real_loss = bce(d_real, valid)
fake_loss = bce(d_gen, fake)
d_loss = (real_loss + fake_loss) / 2
d_loss.backward()  # goes back into the generator through d_gen
opt_d.step()
