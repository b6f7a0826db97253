# report: https://github.com/leftthomas/SRGAN/issues/89
# family: gan-step
# expect: 32
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
netG = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.PReLU(), nn.Conv2d(8, 3, 3, padding=1))
netD = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.LeakyReLU(0.2), nn.Flatten(),
                     nn.Linear(8 * 4 * 4, 1), nn.Sigmoid())
optimizerG = torch.optim.Adam(netG.parameters())
optimizerD = torch.optim.Adam(netD.parameters())


def generator_criterion(out_labels, out_images, target_images):
    adversarial_loss = torch.mean(1 - out_labels)
    image_loss = F.mse_loss(out_images, target_images)
    return image_loss + 1e-3 * adversarial_loss


lr_img, hr_img = torch.rand(2, 3, 8, 8), torch.rand(2, 3, 8, 8)
fake_img = netG(lr_img)
netD.zero_grad()
real_out = netD(hr_img).mean()
fake_out = netD(fake_img).mean()
d_loss = 1 - real_out + fake_out
d_loss.backward(retain_graph=True)
optimizerD.step()
netG.zero_grad()
g_loss = generator_criterion(fake_out, fake_img, hr_img)
g_loss.backward()
optimizerG.step()
