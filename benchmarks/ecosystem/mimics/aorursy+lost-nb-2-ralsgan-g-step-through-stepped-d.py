# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/speedwagon_ram-dataloader.py#L254
# family: gan-step
# expect: 32
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
nz = 4
netG = nn.Sequential(nn.Linear(nz, 16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh())
netD = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
optimizerD = torch.optim.Adam(netD.parameters(), lr=1e-3, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(netG.parameters(), lr=1e-3, betas=(0.5, 0.999))
train_loader = [torch.randn(6, 8) for _ in range(2)]
real_label = 1.0

for ii, real_images in enumerate(train_loader):
    netD.zero_grad()
    batch_size = real_images.size(0)
    labels = torch.full((batch_size, 1), real_label)
    outputR = netD(real_images)
    noise = torch.randn(batch_size, nz)
    fake = netG(noise)
    outputF = netD(fake.detach())
    errD = (torch.mean((outputR - torch.mean(outputF) - labels) ** 2) +
            torch.mean((outputF - torch.mean(outputR) + labels) ** 2)) / 2
    errD.backward(retain_graph=True)
    optimizerD.step()  # updates D's weights in place; outputR's graph still points at them

    netG.zero_grad()
    outputF = netD(fake)
    errG = (torch.mean((outputR - torch.mean(outputF) + labels) ** 2) +
            torch.mean((outputF - torch.mean(outputR) - labels) ** 2)) / 2
    errG.backward()
    optimizerG.step()
