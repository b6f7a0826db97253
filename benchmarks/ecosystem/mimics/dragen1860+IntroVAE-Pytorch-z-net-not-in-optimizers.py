# report: https://github.com/dragen1860/IntroVAE-Pytorch/blob/fd42b940eeaf9308b4547a6d11a2c5e6eecee052/model.py#L216
# family: optimizer-misuse
# expect: 16
# runtime: asserts the z_net head mapping encoder features to (mu, logvar) is in neither optimizer: it keeps its initial weights while its .grad grows every step
import torch
import torch.nn as nn
import torch.nn.functional as F


class IntroVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(12, 8), nn.ReLU())
        self.z_net = nn.Linear(8, 2 * 3)
        self.decoder = nn.Sequential(nn.Linear(3, 12), nn.Tanh())
        self.optim_encoder = torch.optim.Adam(self.encoder.parameters(), lr=1e-2)
        self.optim_decoder = torch.optim.Adam(self.decoder.parameters(), lr=1e-2)

    def step(self, x):
        mu, logvar = self.z_net(self.encoder(x)).chunk(2, dim=1)
        z = mu + torch.exp(logvar).sqrt() * torch.randn_like(mu)
        xr = self.decoder(z)
        kl = (-0.5 * (1 + logvar - mu.pow(2) - logvar.exp())).sum()
        loss = F.mse_loss(xr, x, reduction="sum").sqrt() + kl
        self.optim_encoder.zero_grad()
        self.optim_decoder.zero_grad()
        loss.backward()
        self.optim_encoder.step()
        self.optim_decoder.step()


torch.manual_seed(0)
vae = IntroVAE()
w0 = vae.z_net.weight.detach().clone()
e0 = vae.encoder[0].weight.detach().clone()
norms = []
for _ in range(3):
    vae.step(torch.rand(4, 12))
    norms.append(vae.z_net.weight.grad.norm().item())
assert not torch.equal(vae.encoder[0].weight, e0)
assert torch.equal(vae.z_net.weight, w0)
assert norms[0] > 0 and norms[-1] > norms[0]
