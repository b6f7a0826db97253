# report: https://github.com/ozanciga/gans-with-pytorch/blob/2071efd166935f0b4fb321227e94aa2ad1cfa273/infogan/infogan.py#L191
# family: optimizer-misuse
# expect: 31
# runtime: asserts the Q heads that carry the mutual-information loss are in no optimizer that steps on it: they never change
import torch
import torch.nn as nn

torch.manual_seed(0)


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.LeakyReLU(0.1))
        self.d_head = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
        self.q_head = nn.Linear(8, 2)  # predicts the continuous codes

    def forward(self, x):
        h = self.body(x)
        return self.d_head(h), self.q_head(h)


gen = nn.Sequential(nn.Linear(5, 4), nn.Tanh())
disc = Critic()
bce = nn.BCELoss()
mse = nn.MSELoss()
q_before = disc.q_head.weight.detach().clone()
g_before = gen[0].weight.detach().clone()

opt_d = torch.optim.Adam(disc.parameters(), lr=1e-2)
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-2)  # Q heads left out

for _ in range(3):
    real_imgs = torch.randn(6, 4)
    ones, zeros = torch.ones(6, 1), torch.zeros(6, 1)
    opt_d.zero_grad()
    z = torch.cat([torch.randn(6, 3), torch.rand(6, 2) * 2 - 1], 1)
    p_real, _ = disc(real_imgs)
    p_fake, _ = disc(gen(z).detach())
    d_loss = bce(p_real, ones) + bce(p_fake, zeros)
    d_loss.backward()
    opt_d.step()

    opt_g.zero_grad()
    codes = torch.rand(6, 2) * 2 - 1
    z = torch.cat([torch.randn(6, 3), codes], 1)
    p_fake, q = disc(gen(z))
    g_loss = bce(p_fake, ones) + mse(q, codes)  # info loss meant to train Q too
    g_loss.backward()
    opt_g.step()

assert not torch.equal(gen[0].weight, g_before)
assert torch.equal(disc.q_head.weight, q_before)  # Q never learns to recover the codes
