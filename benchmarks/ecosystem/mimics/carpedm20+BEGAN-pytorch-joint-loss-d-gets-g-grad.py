# report: https://github.com/carpedm20/BEGAN-pytorch/blob/487d7fc1403772c307f2bb16f9fb637a038175c1/trainer.py#L166
# family: gan-step
# expect: 29
# runtime: asserts the discriminator's gradient also holds the generator loss: D is stepped to lower its reconstruction error on fakes, against BEGAN's D objective
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(2, 6), nn.ELU())
D = nn.Sequential(nn.Linear(6, 3), nn.ELU(), nn.Linear(3, 6))  # an autoencoder
g_optim = torch.optim.Adam(G.parameters(), lr=1e-3)
d_optim = torch.optim.Adam(D.parameters(), lr=1e-3)
l1 = nn.L1Loss()
x = torch.randn(4, 6)
z = torch.randn(4, 2)
k_t = 0.3

D.zero_grad()
G.zero_grad()
fake = G(z)
ae_x = D(x)
ae_fake_d = D(fake.detach())
ae_fake_g = D(fake)
d_loss_real = l1(ae_x, x)
d_loss_fake = l1(ae_fake_d, fake.detach())
d_loss = d_loss_real - k_t * d_loss_fake
g_loss = l1(fake, ae_fake_g)

loss = d_loss + g_loss  # one backward for both players
loss.backward()
joint = [p.grad.clone() for p in D.parameters()]

wanted = torch.autograd.grad(l1(D(x), x) - k_t * l1(D(fake.detach()), fake.detach()), list(D.parameters()))
assert any(not torch.allclose(a, b) for a, b in zip(joint, wanted))
g_optim.step()
d_optim.step()
