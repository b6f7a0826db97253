# report: https://github.com/Zeleni9/pytorch-wgan/issues/5
# family: non-scalar-backward
# expect: 14 22
# runtime: raises RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of torch.Size([])
# twin: non-scalar-backward-wgan-one-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
D = nn.Sequential(nn.Linear(4, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
G = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 4))
d_optimizer = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.999))

one = torch.FloatTensor([1])
mone = one * -1

for critic_iter in range(2):
    real = torch.randn(6, 4)
    z = torch.randn(6, 2)
    D.zero_grad()
    d_loss_real = D(real).mean()
    d_loss_real.backward(mone)
    fake = G(z).detach()
    d_loss_fake = D(fake).mean()
    d_loss_fake.backward(one)
    d_optimizer.step()
