# report: https://github.com/kuc2477/pytorch-wgan-gp/blob/0a1e8bd719577ffd7061059fcf26bc61fe2bd076/train.py#L95
# family: removed-api
# expect: 24, 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

generator = nn.Sequential(nn.Linear(4, 6), nn.Sigmoid())
critic = nn.Linear(6, 1)
generator_optimizer = torch.optim.Adam(generator.parameters(), lr=1e-4)
critic_optimizer = torch.optim.Adam(critic.parameters(), lr=1e-4)
x = torch.rand(8, 6)
for _ in range(2):
    critic_optimizer.zero_grad()
    g = generator(torch.randn(8, 4) * .1)
    c_loss = -(critic(x).mean() - critic(g).mean())
    c_loss.backward()
    critic_optimizer.step()
generator_optimizer.zero_grad()
g_loss = -critic(generator(torch.randn(8, 4) * .1)).mean()
g_loss.backward()
generator_optimizer.step()
description = 'g: {g_loss:.4} / w: {w_dist:.4}'.format(
    g_loss=g_loss.data[0],
    w_dist=-c_loss.data[0],
)
