# report: https://github.com/fducau/AAE_pytorch/blob/4000962dfbbc96ce63876e00aaad85bd9219a567/script/aae_pytorch_basic.py#L128
# family: removed-api
# expect: 36
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
TINY = 1e-15
enc = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
dec = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 8), nn.Sigmoid())
disc = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
opt_dec = torch.optim.Adam(dec.parameters(), lr=1e-4)
opt_enc = torch.optim.Adam(enc.parameters(), lr=1e-4)
opt_disc = torch.optim.Adam(disc.parameters(), lr=5e-5)

x = torch.rand(6, 8)
recon_loss = F.binary_cross_entropy(dec(enc(x)) + TINY, x + TINY)
recon_loss.backward()
opt_dec.step(); opt_enc.step()
enc.zero_grad(); dec.zero_grad()

z_real = torch.randn(6, 2) * 5.0
d_loss = -torch.mean(torch.log(disc(z_real) + TINY) + torch.log(1 - disc(enc(x)) + TINY))
d_loss.backward()
opt_disc.step()
enc.zero_grad(); disc.zero_grad()

g_loss = -torch.mean(torch.log(disc(enc(x)) + TINY))
g_loss.backward()
opt_enc.step()


def report_loss(epoch, d, g, r):
    print("Epoch-{}; D: {:.4}; G: {:.4}; recon: {:.4}".format(epoch, d.data[0], g.data[0], r.data[0]))


report_loss(0, d_loss, g_loss, recon_loss)
