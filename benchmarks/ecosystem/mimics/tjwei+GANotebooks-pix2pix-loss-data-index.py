# report: https://github.com/tjwei/GANotebooks/blob/40fe0aa7fdbb1b59954a2123520869708daebb1d/pix2pix-torch.ipynb
# family: removed-api
# expect: 26,38
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

netG = nn.Sequential(nn.Conv2d(3, 3, 3, 1, 1), nn.Tanh())
netD_body = nn.Sequential(nn.Conv2d(6, 1, 4, 2, 1), nn.Sigmoid())
optimizerD = torch.optim.Adam(netD_body.parameters(), lr=2e-4, betas=(0.5, 0.999))
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
loss = nn.BCELoss()
lossL1 = nn.L1Loss()


def netD_train(A, B):
    netD_body.zero_grad()
    out_real = netD_body(torch.cat((A, B), 1))
    errD_real = loss(out_real, Variable(torch.ones(*out_real.size())))
    errD_real.backward()
    out_fake = netD_body(torch.cat((A, netG(A)), 1))
    errD_fake = loss(out_fake, Variable(torch.zeros(*out_fake.size())))
    errD_fake.backward()
    optimizerD.step()
    return (errD_fake.data[0] + errD_real.data[0]) / 2,


def netG_train(A, B):
    netG.zero_grad()
    out_G = netG(A)
    out_fake = netD_body(torch.cat((A, out_G), 1))
    errG_fake = loss(out_fake, Variable(torch.ones(*out_fake.size())))
    errG_L1 = lossL1(out_G, B)
    errG = errG_fake + 100 * errG_L1
    errG.backward()
    optimizerG.step()
    return errG_fake.data[0], errG_L1.data[0]


A, B = torch.randn(1, 3, 8, 8), torch.randn(1, 3, 8, 8)
try:
    errD, = netD_train(A, B)
except IndexError as e:
    print('netD_train:', e)
errG, errL1 = netG_train(A, B)
