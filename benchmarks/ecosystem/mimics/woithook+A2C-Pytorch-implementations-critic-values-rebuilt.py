# report: https://github.com/woithook/A2C-Pytorch-implementations/blob/61ff2bab4379f57cfa03ee44e4d8c56084f4cc23/alg/Breakout_a2c_v0.py#L150
# family: grad-missing
# expect: 38
# runtime: asserts V = torch.Tensor(V) rebuilds the critic values as a new leaf: the critic loss is a constant and the value head never gets a gradient
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.simplefilter("ignore")
torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(6, 16), nn.ReLU())
        self.act = nn.Linear(16, 3)
        self.cri = nn.Linear(16, 1)

    def forward(self, x):
        h = self.body(x)
        return self.act(h), self.cri(h)


net = Net()
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
states, actions = torch.randn(5, 6), [0, 2, 1, 1, 0]
returns = torch.tensor([1.0, 0.9, 0.7, 0.4, 0.0])

optimizer.zero_grad()
V, log_prob_act = [], []
for j in range(5):
    logits, V_s = net(states[j])
    V.append(V_s.view(-1))
    log_prob_act.append(F.log_softmax(logits.view(-1), dim=0)[actions[j]])
V = torch.Tensor(V)
A = returns - V
loss_policy = -torch.dot(A, torch.stack(log_prob_act)) / 5
loss_critic = (returns - V).pow(2).mean()
loss = loss_policy + 0.5 * loss_critic
loss.backward()
optimizer.step()

assert not loss_critic.requires_grad
assert net.act.weight.grad is not None
assert net.cri.weight.grad is None  # the critic head is never trained
