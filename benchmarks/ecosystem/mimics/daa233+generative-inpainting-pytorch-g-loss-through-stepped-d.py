# report: https://github.com/daa233/generative-inpainting-pytorch/blob/c6cdaea0427b37b5b38a3f48d4355abf9566c659/train.py#L127
# family: gan-step
# expect: 40
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Conv2d(4, 8, 3, 1, 1), nn.ELU(), nn.Conv2d(8, 3, 3, 1, 1), nn.Tanh())
netD = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(8 * 4 * 4, 1))
opt_g = torch.optim.Adam(netG.parameters(), lr=1e-4, betas=(0.5, 0.9))
opt_d = torch.optim.Adam(netD.parameters(), lr=1e-4, betas=(0.5, 0.9))


def trainer_forward(x, mask, gt, compute_loss_g):
    out = netG(torch.cat([x, mask], 1))
    inpaint = out * mask + x * (1.0 - mask)
    losses = {}
    pred = netD(torch.cat([gt, inpaint.detach()], 0))
    real_pred, fake_pred = pred.split(gt.size(0), 0)
    losses['wgan_d'] = torch.mean(fake_pred - real_pred)
    if compute_loss_g:
        losses['l1'] = (out - gt).abs().mean()
        g_pred = netD(torch.cat([gt, inpaint], 0))
        losses['wgan_g'] = -g_pred.split(gt.size(0), 0)[1].mean()
    return losses


gt = torch.rand(2, 3, 8, 8) * 2 - 1
mask = torch.zeros(2, 1, 8, 8)
mask[:, :, 2:6, 2:6] = 1
x = gt * (1 - mask)
for iteration in range(1, 3):
    compute_g = iteration % 1 == 0
    losses = trainer_forward(x, mask, gt, compute_g)
    # update D
    opt_d.zero_grad()
    losses['d'] = losses['wgan_d']
    losses['d'].backward()
    opt_d.step()  # rewrites D weights that the G loss graph (built above) saved
    # update G
    if compute_g:
        opt_g.zero_grad()
        losses['g'] = losses['l1'] * 1.2 + losses['wgan_g'] * 0.001
        losses['g'].backward()
        opt_g.step()
