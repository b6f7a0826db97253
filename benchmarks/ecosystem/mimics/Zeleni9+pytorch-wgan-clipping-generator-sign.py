# report: https://github.com/Zeleni9/pytorch-wgan/blob/7f5b52d638746c8b2abdd65dc26319f1de3be8cf/models/wgan_clipping.py#L199
# family: gan-step
# expect: 35
# runtime: asserts the generator climbs the critic score that the critic step taught to be high on fakes, so its samples move away from the data
import torch
import torch.nn as nn

torch.manual_seed(0)
# 1-D toy: real samples sit at +2, the generator is a learnable offset starting at 0
gen = nn.Linear(1, 1)
nn.init.zeros_(gen.weight); nn.init.zeros_(gen.bias)
critic = nn.Linear(1, 1)
nn.init.zeros_(critic.weight); nn.init.zeros_(critic.bias)
opt_d = torch.optim.SGD(critic.parameters(), lr=0.1)
opt_g = torch.optim.SGD(gen.parameters(), lr=0.1)
one = torch.FloatTensor([1])
mone = one * -1

real = torch.full((8, 1), 2.0)
z = torch.randn(8, 1)
for _ in range(5):
    critic.zero_grad()
    d_real = critic(real).mean(0).view(1)
    d_real.backward(one)            # critic lowers its score on real samples
    d_fake = critic(gen(z).detach()).mean(0).view(1)
    d_fake.backward(mone)           # and raises it on generated ones
    opt_d.step()
    for p in critic.parameters():
        p.data.clamp_(-0.01, 0.01)
assert critic.weight.item() < 0  # high score = far from the data, the "fake" side

gen.zero_grad()
before = gen(z).mean().item()
g_loss = critic(gen(z)).mean().mean(0).view(1)
g_loss.backward(mone)               # generator ascends the critic's fake score
opt_g.step()
after = gen(z).mean().item()
assert abs(after - 2.0) > abs(before - 2.0)  # samples moved away from the real data
