# report: https://github.com/togheppi/DCGAN/blob/15e931f22fbed50639c9c3cf7619536d55cd806a/MNIST_DCGAN_pytorch.py#L267
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

G = nn.Sequential(nn.ConvTranspose2d(8, 1, 4, 1, 0), nn.Tanh())
D = nn.Sequential(nn.Conv2d(1, 1, 4, 1, 0), nn.Sigmoid())
criterion = nn.BCELoss()
G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)
D_optimizer = torch.optim.Adam(D.parameters(), lr=2e-4)
x_ = torch.rand(5, 1, 4, 4)
y_real_ = torch.ones(5)
y_fake_ = torch.zeros(5)
D_loss = criterion(D(x_).squeeze(), y_real_) + criterion(D(G(torch.randn(5, 8, 1, 1))).squeeze(), y_fake_)
D.zero_grad()
D_loss.backward()
D_optimizer.step()
G_loss = criterion(D(G(torch.randn(5, 8, 1, 1))).squeeze(), y_real_)
D.zero_grad()
G.zero_grad()
G_loss.backward()
G_optimizer.step()
D_losses = []
G_losses = []
D_losses.append(D_loss.data[0])
