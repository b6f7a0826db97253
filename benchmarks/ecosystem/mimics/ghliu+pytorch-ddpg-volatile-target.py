# report: https://github.com/ghliu/pytorch-ddpg/blob/e9db328ca70ef9daf7ab3d4b44975076ceddf088/ddpg.py#L69
# family: removed-api
# expect: 30 31 32
# runtime: asserts the TD target is not cut: volatile=True does nothing, so the critic loss backpropagates into both target networks
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)


def to_tensor(array, volatile=False):
    return Variable(torch.from_numpy(array), volatile=volatile).float()


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3 + 1, 1)

    def forward(self, xs):
        x, a = xs
        return self.fc(torch.cat([x, a], 1))


actor_target = nn.Sequential(nn.Linear(3, 1), nn.Tanh())
critic, critic_target = Critic(), Critic()
next_states = np.random.randn(5, 3)
next_q = critic_target([to_tensor(next_states, volatile=True),
                        actor_target(to_tensor(next_states, volatile=True))])
next_q.volatile = False
target = to_tensor(np.random.randn(5, 1)) + 0.99 * next_q

critic.zero_grad()
value_loss = nn.MSELoss()(critic([to_tensor(np.random.randn(5, 3)), to_tensor(np.random.randn(5, 1))]), target)
value_loss.backward()

assert target.requires_grad
assert critic_target.fc.weight.grad is not None and actor_target[0].weight.grad is not None
