# report: https://github.com/wiseodd/generative-models/blob/b930d5fa9e2f69adfd4ea8ec759f38f6ce6da4c2/GAN/softmax_gan/softmax_gan_pytorch.py#L76
# family: gan-step
# expect: 31 32
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
mb = 4
gen = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 6), nn.Sigmoid())
disc = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 1))
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3)
opt_d = torch.optim.Adam(disc.parameters(), lr=1e-3)
d_target = 1.0 / mb
g_target = 1.0 / (2 * mb)

z = torch.randn(mb, 3)
x = torch.rand(mb, 6)
fake = gen(z)
d_real = disc(x)
d_fake = disc(fake)
partition = torch.sum(torch.exp(-d_real)) + torch.sum(torch.exp(-d_fake))

d_loss = torch.sum(d_target * d_real) + torch.log(partition + 1e-8)
d_loss.backward(retain_graph=True)
opt_d.step()
gen.zero_grad()
disc.zero_grad()

# generator loss built from the discriminator outputs computed before opt_d.step()
g_loss = torch.sum(g_target * d_real) + torch.sum(g_target * d_fake) + torch.log(partition + 1e-8)
g_loss.backward()
opt_g.step()
