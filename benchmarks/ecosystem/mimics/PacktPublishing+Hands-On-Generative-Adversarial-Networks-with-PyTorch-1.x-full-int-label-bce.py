# report: https://github.com/PacktPublishing/Hands-On-Generative-Adversarial-Networks-with-PyTorch-1.x/blob/beee21343078b607f393bbb1321ac49cf17ffb5f/Chapter04/dcgan.py#L168
# family: removed-api
# expect: 27, 28
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

torch.manual_seed(0)
REAL_LABEL = 1
FAKE_LABEL = 0
Z = 4

netG = nn.Sequential(nn.Linear(Z, 16), nn.ReLU(True), nn.Linear(16, 8), nn.Tanh())
netD = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2, True), nn.Linear(16, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))
optG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))


def D(x):
    return netD(x).view(-1, 1).squeeze(1)


for step in range(2):
    x_real = torch.rand(5, 8) * 2 - 1
    # integer fill value: torch.full now gives an int64 tensor
    real_label = torch.full((x_real.size(0),), REAL_LABEL)
    fake_label = torch.full((x_real.size(0),), FAKE_LABEL)

    netD.zero_grad()
    loss_D_real = criterion(D(x_real), real_label)
    loss_D_real.backward()
    x_fake = netG(torch.randn(5, Z))
    loss_D_fake = criterion(D(x_fake.detach()), fake_label)
    loss_D_fake.backward()
    optD.step()

    netG.zero_grad()
    loss_G = criterion(D(x_fake), real_label)
    loss_G.backward()
    optG.step()
    print(step, loss_D_real.item(), loss_D_fake.item(), loss_G.item())
