# report: https://github.com/taoxugit/AttnGAN/blob/0d000e652b407e976cb88fab299e8566f3de8a37/code/trainer.py#L277
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
netsD = [nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())]
optimizersD = [torch.optim.Adam(netsD[0].parameters(), lr=2e-4, betas=(0.5, 0.999))]
real_labels, fake_labels = torch.ones(3, 1), torch.zeros(3, 1)
imgs = [torch.randn(3, 6)]
noise = torch.randn(3, 4)
fake_imgs = [netG(noise)]

errD_total = 0
D_logs = ""
for i in range(len(netsD)):
    netsD[i].zero_grad()
    errD = (nn.BCELoss()(netsD[i](imgs[i]), real_labels)
            + nn.BCELoss()(netsD[i](fake_imgs[i].detach()), fake_labels))
    errD.backward()
    optimizersD[i].step()
    errD_total += errD
    D_logs += "errD%d: %.2f " % (i, errD.data[0])
