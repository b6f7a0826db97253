# report: https://github.com/neale/Adversarial-Autoencoder/blob/e1d5dbcc293862aabfcaecb26e8553f0710c04a0/train.py#L110
# family: non-scalar-backward
# expect: 21
# runtime: raises RuntimeError: Mismatch in shape
import torch
import torch.nn as nn

torch.manual_seed(0)
netE = nn.Sequential(nn.Linear(12, 3))
netG = nn.Sequential(nn.Linear(3, 12), nn.Tanh())
optimizerE = torch.optim.Adam(netE.parameters(), lr=2e-4, betas=(0.5, 0.9))
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.9))
ae_criterion = nn.MSELoss()
one = torch.FloatTensor([1])
mone = one * -1

data = torch.randn(4, 12)
netG.zero_grad()
netE.zero_grad()
ae_loss = ae_criterion(netG(netE(data)), data)
ae_loss.backward(one)
optimizerE.step()
optimizerG.step()
