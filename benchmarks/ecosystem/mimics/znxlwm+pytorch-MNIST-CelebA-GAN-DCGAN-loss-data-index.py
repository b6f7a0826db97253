# report: https://github.com/znxlwm/pytorch-MNIST-CelebA-GAN-DCGAN/blob/c88438c7807326492757623bf9117ee2eb5de8bf/pytorch_MNIST_DCGAN.py#L214
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 6), nn.Tanh())
disc = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1), nn.Sigmoid())
bce = nn.BCELoss()
opt_d = torch.optim.Adam(disc.parameters(), lr=2e-4, betas=(0.5, 0.999))
d_losses = []

x = torch.rand(5, 6) * 2 - 1
disc.zero_grad()
d_real = bce(disc(x).squeeze(), torch.ones(5))
d_fake = bce(disc(gen(torch.randn(5, 4))).squeeze(), torch.zeros(5))
d_train_loss = d_real + d_fake
d_train_loss.backward()
opt_d.step()
# the per-batch loss history reads element [0] of the scalar loss
d_losses.append(d_train_loss.data[0])
