# report: https://github.com/neale/Adversarial-Autoencoder/blob/e1d5dbcc293862aabfcaecb26e8553f0710c04a0/train.py#L148
# family: optimizer-misuse
# expect: 33
# runtime: asserts the generator GAN step runs without netG.zero_grad(): the reconstruction gradients already applied in the autoencoder step are added again to the GAN gradient and stepped a second time
import torch
import torch.nn as nn

torch.manual_seed(0)
netE = nn.Sequential(nn.Linear(12, 3))
netG = nn.Sequential(nn.Linear(3, 12), nn.Tanh())
netD = nn.Sequential(nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, 1))
optimizerE = torch.optim.Adam(netE.parameters(), lr=2e-4, betas=(0.5, 0.9))
optimizerG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.9))
ae_criterion = nn.MSELoss()

data = torch.randn(4, 12)
for p in netD.parameters():
    p.requires_grad = False
netG.zero_grad()
netE.zero_grad()
ae_loss = ae_criterion(netG(netE(data)), data)
ae_loss.backward()
optimizerE.step()
optimizerG.step()
ae_grad = netG[0].weight.grad.clone()

for p in netD.parameters():
    p.requires_grad = True
noise = torch.randn(4, 3)
fake = netG(noise)
G = netD(fake).mean()
gan_grad = torch.autograd.grad(-G, netG[0].weight, retain_graph=True)[0]
G.backward(torch.tensor(-1.0))
optimizerG.step()

assert torch.allclose(netG[0].weight.grad, ae_grad + gan_grad, atol=1e-6)
assert ae_grad.abs().sum() > 0
