# report: https://github.com/1Konny/FactorVAE/blob/8c97b1fc6150fa8f9241468b2c687b83335543d4/solver.py#L113
# family: gan-step
# expect: 36 40
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
z_dim, B = 2, 6
encode = nn.Sequential(nn.Linear(5, 8), nn.ReLU(True), nn.Linear(8, 2 * z_dim))
decode = nn.Linear(z_dim, 5)
D = nn.Sequential(nn.Linear(z_dim, 16), nn.LeakyReLU(0.2, True), nn.Linear(16, 2))
optim_VAE = torch.optim.Adam(list(encode.parameters()) + list(decode.parameters()), lr=1e-3)
optim_D = torch.optim.Adam(D.parameters(), lr=1e-3)
ones = torch.ones(B, dtype=torch.long)
zeros = torch.zeros(B, dtype=torch.long)


def vae(x):
    stats = encode(x)
    mu, logvar = stats[:, :z_dim], stats[:, z_dim:]
    z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
    return decode(z), mu, logvar, z


x1, x2 = torch.rand(B, 5), torch.rand(B, 5)
x_recon, mu, logvar, z = vae(x1)
recon = F.binary_cross_entropy_with_logits(x_recon, x1, reduction="sum") / B
kld = -0.5 * (1 + logvar - mu ** 2 - logvar.exp()).sum(1).mean()
D_z = D(z)
tc = (D_z[:, :1] - D_z[:, 1:]).mean()
vae_loss = recon + kld + 6.4 * tc
optim_VAE.zero_grad()
vae_loss.backward(retain_graph=True)
optim_VAE.step()  # rewrites the encoder weights that D_z's graph saved

z_prime = vae(x2)[3]
z_pperm = torch.cat([c[torch.randperm(B)] for c in z_prime.split(1, 1)], 1).detach()
D_tc_loss = 0.5 * (F.cross_entropy(D_z, zeros) + F.cross_entropy(D(z_pperm), ones))
optim_D.zero_grad()
D_tc_loss.backward()
optim_D.step()
