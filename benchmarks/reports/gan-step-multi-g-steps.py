# report: https://pytroubles.com/ru/posts/id2658-gan-v-pytorch-ispravljaem-oshibku-backward-cherez-detach
# family: gan-step
# expect: 28
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)
latent_dim = 8
netG = nn.Sequential(nn.Linear(latent_dim, 32), nn.ReLU(), nn.Linear(32, 16), nn.Tanh())
netD = nn.Sequential(nn.Linear(16, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1), nn.Sigmoid())
bce_loss = nn.BCELoss()
optG = torch.optim.Adam(netG.parameters(), lr=2e-4)
optD = torch.optim.Adam(netD.parameters(), lr=2e-4)
g_update_factor = 3

for real_batch in [torch.rand(4, 16) * 2 - 1 for _ in range(2)]:
    bsz = real_batch.shape[0]
    for _ in range(g_update_factor):  # several generator updates per discriminator update
        fake_batch = netG(torch.randn(bsz, latent_dim))
        gen_scores = netD(fake_batch).view(-1)
        g_loss = bce_loss(gen_scores, torch.ones_like(gen_scores))
        g_loss.backward()
        optG.step()
        netG.zero_grad()
    netD.zero_grad()
    real_scores = netD(real_batch).view(-1)
    fake_scores = netD(fake_batch).view(-1)
    d_loss = bce_loss(real_scores, torch.ones_like(real_scores)) + bce_loss(fake_scores, torch.zeros_like(fake_scores))
    d_loss.backward()
    optD.step()
