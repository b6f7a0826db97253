# report: https://github.com/quantumiracle/Popular-RL-Algorithms/blob/3b814ea159f1fc0b521d6e0e699a7945f770f105/ac.py#L294
# family: inplace-view
# expect: 28 29
# runtime: raises RuntimeError: Can't detach views in-place
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1, self.l2 = nn.Linear(4, 8), nn.Linear(8, 1)

    def forward(self, state):
        return self.l2(F.relu(self.l1(torch.FloatTensor(state))))  # a single 1-D state


critic = Critic()
saved_values, saved_next = [], []
for _ in range(3):
    saved_values.append(critic(torch.randn(4).numpy()))
    saved_next.append(critic(torch.randn(4).numpy()))
value_losses = []
for v, nv, r in zip(saved_values, saved_next, torch.ones(3)):
    value_losses.append(nn.MSELoss()(v, r + 0.99 * nv.detach_()))
    v.detach_()
torch.stack(value_losses).sum().backward()
