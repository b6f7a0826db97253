# report: https://github.com/hanzhanggit/StackGAN-Pytorch/blob/e72ef88446e7bcd84a7b88060053edad72fecf6a/code/miscc/utils.py#L61
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
B = 4
netD = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2, inplace=True), nn.Linear(8, 1), nn.Sigmoid())
real_labels, fake_labels = torch.ones(B), torch.zeros(B)


def compute_discriminator_loss(netD, real_imgs, fake_imgs, real_labels, fake_labels):
    criterion = nn.BCELoss()
    fake = fake_imgs.detach()
    errD_real = criterion(netD(real_imgs).view(-1), real_labels)
    errD_wrong = criterion(netD(real_imgs[1:]).view(-1), fake_labels[1:])
    errD_fake = criterion(netD(fake).view(-1), fake_labels)
    errD = errD_real + (errD_fake + errD_wrong) * 0.5
    return errD, errD_real.data[0], errD_wrong.data[0], errD_fake.data[0]  # 0-dim losses


netG = nn.Linear(3, 6)
fake_imgs = netG(torch.randn(B, 3))
netD.zero_grad()
errD, errD_real, errD_wrong, errD_fake = compute_discriminator_loss(netD, torch.randn(B, 6), fake_imgs, real_labels, fake_labels)
errD.backward()
