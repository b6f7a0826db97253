# report: https://github.com/naver-ai/StyleMapGAN/issues/16
# family: gan-step
# expect: 32
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Autoencoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(12, 6)
        self.decoder = nn.Linear(6, 12)

    def forward(self, real, discriminator):
        stylecode = self.encoder(real)
        fake = self.decoder(stylecode)
        adv_loss = F.softplus(-discriminator(fake)).mean()
        w_rec_loss = F.mse_loss(self.encoder(fake), stylecode)
        return adv_loss, w_rec_loss


model = Autoencoder()
discriminator = nn.Sequential(nn.Linear(12, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
g_optim = torch.optim.Adam(model.parameters(), lr=2e-3)
discriminator.requires_grad_(False)
adv_loss, w_rec_loss = model(torch.randn(4, 12), discriminator)
g_optim.zero_grad()
(adv_loss * 0.1).backward()
(w_rec_loss * 1.0).backward()
g_optim.step()
