# report: https://github.com/facebookresearch/pytorch_GAN_zoo/issues/83
# family: backward-twice
# expect: 26
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 12))
netD_features = nn.Sequential(nn.Linear(12, 16), nn.LeakyReLU(0.2))
netD_head = nn.Linear(16, 1)
optG = torch.optim.Adam(netG.parameters(), lr=2e-4)


def diversity_loss(fake_feats, real_feats):
    # compare the spread of the two feature sets
    return (fake_feats.var(0) - real_feats.var(0)).abs().mean()


real = torch.randn(10, 12)
optG.zero_grad()
fake = netG(torch.randn(10, 8))
fake_feats = netD_features(fake)
loss_g_fake = F.softplus(-netD_head(fake_feats)).mean()
loss_g_fake.backward()
with torch.no_grad():
    real_feats = netD_features(real)
diversity_loss(fake_feats, real_feats).backward()
optG.step()
