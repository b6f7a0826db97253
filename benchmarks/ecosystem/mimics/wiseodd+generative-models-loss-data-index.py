# report: https://github.com/wiseodd/generative-models/blob/b930d5fa9e2f69adfd4ea8ec759f38f6ce6da4c2/GAN/boundary_seeking_gan/bgan_pytorch.py#L83
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 6), nn.Sigmoid())
disc = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3)

for it in range(2):
    z = torch.randn(5, 4)
    d_fake = disc(gen(z))
    g_loss = 0.5 * torch.mean((torch.log(d_fake + 1e-8) - torch.log(1 - d_fake + 1e-8)) ** 2)
    g_loss.backward()
    opt_g.step()
    gen.zero_grad()
    disc.zero_grad()
    if it % 1 == 0:
        # the logging line indexes the scalar loss as if it were a 1-element vector
        print('Iter-{}; G_loss: {:.4}'.format(it, g_loss.data[0]))
