# report: https://github.com/phymhan/ACGAN-PyTorch/blob/36dca717ddcac37e77c6ecfe04e6d66575a02555/main.py#L278
# family: module-misuse
# expect: 23, 24
# runtime: asserts after the feature-saving batches switch both nets to eval(), the rest of the GAN training runs with BatchNorm frozen and Dropout off
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh())
netD = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2), nn.Dropout(0.5), nn.BatchNorm1d(16), nn.Linear(16, 1))
optD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
crit = nn.BCEWithLogitsLoss()
feature_save, feature_num_batches = True, 1
feature_batches = []
modes = []

for epoch in range(2):
    feature_batch_counter = 0
    for i in range(3):
        x = torch.randn(8, 8)
        if feature_save and feature_batch_counter < feature_num_batches:
            netD.eval()
            netG.eval()
            with torch.no_grad():
                feature_batches.append(netD[:2](x))
            feature_batch_counter += 1
            continue
        # netD.train(); netG.train()   <- commented out in the original
        modes.append((netG.training, netD.training))
        optD.zero_grad()
        fake = netG(torch.randn(8, 4))
        errD = crit(netD(x), torch.ones(8, 1)) + crit(netD(fake.detach()), torch.zeros(8, 1))
        errD.backward()
        optD.step()
        optG.zero_grad()
        crit(netD(fake), torch.ones(8, 1)).backward()
        optG.step()

print("(G.training, D.training) during the GAN updates:", set(modes))
assert set(modes) == {(False, False)}
