# report: https://github.com/taoxugit/AttnGAN/blob/0d000e652b407e976cb88fab299e8566f3de8a37/code/miscc/losses.py#L184
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
netsD = [nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())]
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
real_labels = torch.ones(3, 1)
fake_imgs = [netG(torch.randn(3, 4))]

netG.zero_grad()
errG_total = 0
logs = ""
for i in range(len(netsD)):
    g_loss = nn.BCELoss()(netsD[i](fake_imgs[i]), real_labels)
    errG_total += g_loss
    logs += "g_loss%d: %.2f " % (i, g_loss.data[0])
errG_total.backward()
optimizerG.step()
