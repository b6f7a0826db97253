# report: https://github.com/eveningglow/BicycleGAN-pytorch/blob/c4419e04052396e2b3815ed50112236a077c04cb/solver.py#L260
# family: gan-step
# expect: 46 52
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn


class Gen(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6 + 2, 8), nn.ReLU(inplace=True), nn.Linear(8, 6), nn.Tanh())

    def forward(self, x, z):
        return self.net(torch.cat([x, z], dim=1))


class Enc(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2, inplace=True))
        self.fc_mu, self.fc_logvar = nn.Linear(8, 2), nn.Linear(8, 2)

    def forward(self, x):
        h = self.body(x)
        return self.fc_mu(h), self.fc_logvar(h)


torch.manual_seed(0)
G, E = Gen(), Enc()
optim_G = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
optim_E = torch.optim.Adam(E.parameters(), lr=2e-4, betas=(0.5, 0.999))
img_vae, truth_vae = torch.randn(1, 6, requires_grad=True), torch.randn(1, 6, requires_grad=True)
img_lr = torch.randn(1, 6, requires_grad=True)

mu, log_variance = E(truth_vae)
encoded_z = torch.randn(1, 2, requires_grad=True) * torch.exp(log_variance / 2) + mu
fake_img_cVAE = G(img_vae, encoded_z)
random_z = torch.randn(1, 2, requires_grad=True)
fake_img_cLR = G(img_lr, random_z)
KL_div = 0.01 * torch.sum(0.5 * (mu ** 2 + torch.exp(log_variance) - log_variance - 1))
EG_loss = fake_img_cLR.pow(2).mean() + KL_div + 10 * torch.mean(torch.abs(fake_img_cVAE - truth_vae))
optim_G.zero_grad(); optim_E.zero_grad()
EG_loss.backward(retain_graph=True)
optim_E.step()
optim_G.step()

mu_, log_variance_ = E(fake_img_cLR)  # fresh E forward, but fake_img_cLR's graph holds G's old weights
z_recon_loss = torch.mean(torch.abs(mu_ - random_z))
G_alone_loss = 0.5 * z_recon_loss
optim_G.zero_grad(); optim_E.zero_grad()
G_alone_loss.backward()
optim_G.step()
