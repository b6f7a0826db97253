# report: https://github.com/corenel/pytorch-adda/blob/96f2689dd418ef275fcd0b057e5dff89be5762c5/core/adapt.py#L110
# family: removed-api
# expect: 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Linear(8, 5)
critic = nn.Sequential(nn.Linear(5, 2), nn.LogSoftmax(dim=1))
criterion = nn.CrossEntropyLoss()
opt_critic = torch.optim.Adam(critic.parameters(), lr=1e-4)
opt_enc = torch.optim.Adam(encoder.parameters(), lr=1e-4)
x_src, x_tgt = torch.randn(4, 8), torch.randn(4, 8)

opt_critic.zero_grad()
feats = torch.cat((encoder(x_src), encoder(x_tgt)), 0)
loss_critic = criterion(critic(feats.detach()), torch.cat((torch.ones(4).long(), torch.zeros(4).long())))
loss_critic.backward()
opt_critic.step()

opt_critic.zero_grad()
opt_enc.zero_grad()
loss_tgt = criterion(critic(encoder(x_tgt)), torch.ones(4).long())
loss_tgt.backward()
opt_enc.step()

line = "d_loss={:.5f} g_loss={:.5f}".format(loss_critic.data[0], loss_tgt.data[0])
