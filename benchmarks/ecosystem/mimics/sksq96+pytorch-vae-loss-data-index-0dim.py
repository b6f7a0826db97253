# report: https://github.com/sksq96/pytorch-vae/blob/14ce22796fe0ee5120f4f1cdb1dbaf515e72559d/vae.ipynb
# family: removed-api
# expect: 33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
bs = 4
encoder = nn.Sequential(nn.Linear(16, 12), nn.LeakyReLU(0.2), nn.Linear(12, 6))
decoder = nn.Sequential(nn.Linear(3, 12), nn.ReLU(), nn.Linear(12, 16), nn.Sigmoid())
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3)


def loss_fn(recon_x, x, mu, logvar):
    bce = F.binary_cross_entropy(recon_x, x, reduction='sum')
    kld = -0.5 * torch.sum(1 + logvar - mu ** 2 - logvar.exp())
    return bce + kld


images = torch.rand(bs, 16)
for idx in range(2):
    mu, logvar = torch.chunk(encoder(images), 2, dim=1)
    std = logvar.mul(0.5).exp_()
    z = mu + std * torch.randn(*mu.size())
    recon = decoder(z)
    loss = loss_fn(recon, images, mu, logvar)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if idx % 100 == 0:
        print("Loss: {:.3f}".format(loss.data[0] / bs))
