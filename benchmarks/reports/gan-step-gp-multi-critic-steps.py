# report: https://github.com/junyanz/pytorch-CycleGAN-and-pix2pix/issues/439
# family: gan-step
# expect: 27
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 6))
netD = nn.Sequential(nn.Linear(12, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
optimizer_D = torch.optim.Adam(netD.parameters(), lr=1e-4, betas=(0.0, 0.9))


def gradient_penalty(netD, real, fake, lambda_gp=10.0):
    alpha = torch.rand(real.size(0), 1)
    interp = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    grads, = torch.autograd.grad(netD(interp).sum(), interp, create_graph=True)
    return lambda_gp * ((grads.norm(2, dim=1) - 1) ** 2).mean()


real_A, real_B = torch.randn(4, 6), torch.randn(4, 6)
fake_B = netG(real_A)  # one generator forward per iteration
for critic_iter in range(3):
    fake_AB = torch.cat((real_A, fake_B), 1)
    real_AB = torch.cat((real_A, real_B), 1)
    loss_D = netD(fake_AB.detach()).mean() - netD(real_AB).mean()
    loss_D = loss_D + gradient_penalty(netD, real_AB, fake_AB)
    optimizer_D.zero_grad()
    loss_D.backward()
    optimizer_D.step()
