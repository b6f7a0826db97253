# report: https://github.com/AntixK/PyTorch-VAE/blob/a6896b944c918dd7030e7d795a8c13e5c6345ec7/models/fvae.py#L197
# family: backward-twice
# expect: 44
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, D = 8, 4
encoder = nn.Linear(10, 2 * D)
decoder = nn.Linear(D, 10)
discriminator = nn.Sequential(nn.Linear(D, 16), nn.BatchNorm1d(16), nn.LeakyReLU(0.2), nn.Linear(16, 2))
vae_params = list(encoder.parameters()) + list(decoder.parameters()) + list(discriminator.parameters())
opt_vae = torch.optim.Adam(vae_params, lr=5e-3)
opt_d = torch.optim.Adam(discriminator.parameters(), lr=5e-3)
store = {}
x = torch.randn(B, 10)


def forward(x):
    mu, log_var = encoder(x).chunk(2, dim=1)
    z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
    return decoder(z), mu, log_var, z


# optimizer_idx == 0 (VAE step, as run by the trainer: forward, loss, backward, step)
recons, mu, log_var, z = forward(x)
kld = torch.mean(-0.5 * torch.sum(1 + log_var - mu ** 2 - log_var.exp(), dim=1))
store['D_z_reserve'] = discriminator(z)
tc = (store['D_z_reserve'][:, 0] - store['D_z_reserve'][:, 1]).mean()
loss = F.mse_loss(recons, x) + 0.00025 * kld + 6.4 * tc
opt_vae.zero_grad()
loss.backward()
opt_vae.step()

# optimizer_idx == 1 (discriminator step: a new forward, but the reserved D output of step 0 is reused)
recons, mu, log_var, z = forward(x)
z = z.detach()
z_perm = torch.stack([z[torch.randperm(B), j] for j in range(D)], dim=1)
d_perm = discriminator(z_perm)
d_loss = 0.5 * (F.cross_entropy(store['D_z_reserve'], torch.zeros(B, dtype=torch.long))
                + F.cross_entropy(d_perm, torch.ones(B, dtype=torch.long)))
opt_d.zero_grad()
d_loss.backward()
opt_d.step()
