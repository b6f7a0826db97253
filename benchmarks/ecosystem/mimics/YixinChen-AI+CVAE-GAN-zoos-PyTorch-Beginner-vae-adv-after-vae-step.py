# report: https://github.com/YixinChen-AI/CVAE-GAN-zoos-PyTorch-Beginner/blob/4b63ed0c03186e11d1d43330b40bd5388c7c9035/VAE-GAN/VAE-GAN.py#L196
# family: gan-step
# expect: 35 40
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class TinyVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc_mean = nn.Linear(6, 2)
        self.enc_logstd = nn.Linear(6, 2)
        self.dec = nn.Sequential(nn.Linear(2, 6), nn.Sigmoid())

    def forward(self, x):
        mean, logstd = self.enc_mean(x), self.enc_logstd(x)
        z = mean + torch.randn_like(mean) * logstd.exp()
        return self.dec(z), mean, logstd


vae = TinyVAE()
D = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
opt_vae = torch.optim.Adam(vae.parameters(), lr=1e-3)
data = torch.rand(4, 6)

recon, mean, logstd = vae(data)
vae.zero_grad()
kld = -0.5 * torch.sum(1 + 2 * logstd - mean.pow(2) - (2 * logstd).exp())
vae_loss = F.mse_loss(recon, data) + kld
vae_loss.backward(retain_graph=True)
opt_vae.step()  # the VAE weights change in place; recon's graph saved the old ones

vae.zero_grad()
out = D(recon)
err_vae = F.binary_cross_entropy(out, torch.ones_like(out))
err_vae.backward()
opt_vae.step()
