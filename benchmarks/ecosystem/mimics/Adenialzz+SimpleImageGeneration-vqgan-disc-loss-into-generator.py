# report: https://github.com/Adenialzz/SimpleImageGeneration/blob/08359153d5d24d70dc912c93137ba8a0d02e1873/gan/vqgan/training_vqgan.py#L72
# family: gan-step
# expect: 33
# runtime: asserts gan_loss.backward() runs before opt_vq.step() through the non-detached decoded images: the discriminator's hinge loss gradient is added to the VQGAN's .grad, so the generator also descends the discriminator loss
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
vqgan = nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, 6))
disc = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
opt_vq = torch.optim.Adam(vqgan.parameters(), lr=1e-3)
opt_disc = torch.optim.Adam(disc.parameters(), lr=1e-3)
imgs = torch.randn(4, 6)


def losses():
    decoded = vqgan(imgs)
    disc_real = disc(imgs)
    disc_fake = disc(decoded)
    rec = torch.abs(imgs - decoded).mean()
    g_loss = -torch.mean(disc_fake)
    vq_loss = rec + 0.8 * g_loss
    gan_loss = 0.5 * (torch.mean(F.relu(1. - disc_real)) + torch.mean(F.relu(1. + disc_fake)))
    return vq_loss, gan_loss


vq_loss, gan_loss = losses()
opt_vq.zero_grad()
vq_loss.backward(retain_graph=True)
g_vq_only = vqgan[0].weight.grad.clone()
opt_disc.zero_grad()
gan_loss.backward()
g_used = vqgan[0].weight.grad.clone()  # what opt_vq.step() applies
opt_vq.step()
opt_disc.step()
assert not torch.allclose(g_used, g_vq_only)
