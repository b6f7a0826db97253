# report: https://github.com/togheppi/pix2pix/blob/43100105bbc61188f3641a6fdbbe8f87183c677e/pix2pix_train.py#L134
# family: removed-api
# expect: 39,40,42
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(6, 6), nn.Tanh())
D = nn.Sequential(nn.Linear(12, 1), nn.Sigmoid())
BCE_loss, L1_loss = nn.BCELoss(), nn.L1Loss()
G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
D_optimizer = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
D_losses, G_losses = [], []

x_, y_ = Variable(torch.randn(4, 6)), Variable(torch.randn(4, 6))
D_real_decision = D(torch.cat([x_, y_], 1)).squeeze()
real_ = Variable(torch.ones(D_real_decision.size()))
D_real_loss = BCE_loss(D_real_decision, real_)
gen_image = G(x_)
D_fake_decision = D(torch.cat([x_, gen_image], 1)).squeeze()
fake_ = Variable(torch.zeros(D_fake_decision.size()))
D_fake_loss = BCE_loss(D_fake_decision, fake_)
D_loss = (D_real_loss + D_fake_loss) * 0.5
D.zero_grad()
D_loss.backward()
D_optimizer.step()

gen_image = G(x_)
D_fake_decision = D(torch.cat([x_, gen_image], 1)).squeeze()
G_fake_loss = BCE_loss(D_fake_decision, real_)
l1_loss = 100 * L1_loss(gen_image, y_)
G_loss = G_fake_loss + l1_loss
G.zero_grad()
G_loss.backward()
G_optimizer.step()

D_losses.append(D_loss.data[0])
G_losses.append(G_loss.data[0])
print('D_loss: %.4f, G_loss: %.4f'
      % (D_loss.data[0], G_loss.data[0]))
