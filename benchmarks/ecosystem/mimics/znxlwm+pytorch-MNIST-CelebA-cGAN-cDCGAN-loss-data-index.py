# report: https://github.com/znxlwm/pytorch-MNIST-CelebA-cGAN-cDCGAN/blob/bc8be7888af1ea98f82af15b4e913cf6aed938e1/pytorch_MNIST_cGAN.py#L233
# family: removed-api
# expect: 29 37
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4 + 3, 8), nn.ReLU(), nn.Linear(8, 6), nn.Tanh())
disc = nn.Sequential(nn.Linear(6 + 3, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1), nn.Sigmoid())
bce = nn.BCELoss()
opt_g = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.999))
d_losses, g_losses = [], []
onehot = torch.eye(3)

x = torch.rand(5, 6) * 2 - 1
y_real = onehot[torch.tensor([0, 1, 2, 0, 1])]
ones, zeros = torch.ones(5), torch.zeros(5)

disc.zero_grad()
d_real = bce(disc(torch.cat([x, y_real], 1)).squeeze(), ones)
y_fake = onehot[torch.randint(0, 3, (5,))]
fake = gen(torch.cat([torch.rand(5, 4), y_fake], 1))
d_fake = bce(disc(torch.cat([fake, y_fake], 1)).squeeze(), zeros)
d_train_loss = d_real + d_fake
d_train_loss.backward()
opt_d.step()
d_losses.append(d_train_loss.data[0])

gen.zero_grad()
y_fake = onehot[torch.randint(0, 3, (5,))]
fake = gen(torch.cat([torch.rand(5, 4), y_fake], 1))
g_train_loss = bce(disc(torch.cat([fake, y_fake], 1)).squeeze(), ones)
g_train_loss.backward()
opt_g.step()
g_losses.append(g_train_loss.data[0])
