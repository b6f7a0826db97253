# report: https://github.com/caogang/wgan-gp/blob/ae47a185ed2e938c39cf3eb2f06b32dc1b6a2064/gan_mnist.py#L194
# family: non-scalar-backward
# expect: 24 27 34
# runtime: raises RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of torch.Size([])
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 6))
critic = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 1))
opt_d = torch.optim.Adam(critic.parameters(), lr=1e-4, betas=(0.5, 0.9))
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-4, betas=(0.5, 0.9))

# WGAN sign trick: a 1-element vector used as the seed gradient of a scalar critic score
one = torch.FloatTensor([1])
mone = one * -1

for p in critic.parameters():
    p.requires_grad = True
real = torch.randn(8, 6)
critic.zero_grad()
d_real = critic(real).view(-1)
d_real = d_real.mean()
d_real.backward(mone)
fake = gen(torch.randn(8, 4)).detach()
d_fake = critic(fake).view(-1).mean()
d_fake.backward(one)
opt_d.step()

for p in critic.parameters():
    p.requires_grad = False
gen.zero_grad()
g = critic(gen(torch.randn(8, 4))).view(-1).mean()
g.backward(mone)
opt_g.step()
