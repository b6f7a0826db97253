# report: https://github.com/sunshineatnoon/Paper-Implementations/blob/8e2f7896739a1af87d46574fbb162acf2df5433c/VAE/vae.py#L125
# family: module-misuse
# expect: 19
# runtime: asserts setting size_average on a built BCELoss is ignored: the reconstruction term stays a mean, not the sum the ELBO needs
import torch
import torch.nn as nn

torch.manual_seed(0)
enc = nn.Linear(12, 4)
dec = nn.Sequential(nn.Linear(2, 12), nn.Sigmoid())
x = torch.rand(5, 12)

h = enc(x)
mu, logvar = h[:, :2], h[:, 2:]
z = torch.randn_like(mu) * logvar.mul(0.5).exp() + mu
recon = dec(z)

bce = nn.BCELoss()
bce.size_average = False  # meant: sum over pixels and batch
rec = bce(recon, x)
kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
loss = rec + kld
loss.backward()

summed = nn.functional.binary_cross_entropy(recon, x, reduction="sum")
meaned = nn.functional.binary_cross_entropy(recon, x, reduction="mean")
assert torch.allclose(rec, meaned)
assert not torch.allclose(rec, summed)  # 60x smaller: the KL term dominates
