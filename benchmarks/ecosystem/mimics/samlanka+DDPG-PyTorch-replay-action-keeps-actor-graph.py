# report: https://github.com/samlanka/DDPG-PyTorch/blob/c0334c5a73abeaddc58933b63faaeabf678d8599/ddpg.py#L156
# family: graph-kept
# expect: 28 34 43
# runtime: raises RuntimeError: modified by an inplace operation
import random
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
random.seed(0)
actor = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2), nn.Tanh())
critic = nn.Linear(4 + 2, 1)
actor_optim = torch.optim.Adam(actor.parameters(), lr=1e-3)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)
buffer = []
warmup, batch_size = 10, 8


def q(s, a):
    return critic(torch.cat([s, a], dim=1))


for step in range(30):
    # action selection meant to be volatile: the action keeps the actor's graph
    cur_state = Variable(torch.randn(1, 4), volatile=True)
    actor.eval()
    action = actor(cur_state) + 0.1 * torch.randn(1, 2)
    actor.train()
    reward = float(torch.randn(()))
    # the replay buffer stores the action with its graph
    buffer.append((cur_state, action, reward))
    if len(buffer) >= warmup:
        batch = random.sample(buffer, batch_size)
        state_batch = torch.cat([b[0] for b in batch])
        action_batch = torch.cat([b[1] for b in batch])
        target = torch.tensor([b[2] for b in batch]).unsqueeze(1)
        critic_optim.zero_grad()
        critic_loss = (q(state_batch, action_batch) - target).pow(2).mean()
        # runs into the stored actions' graphs, whose actor weights the optimizer has since stepped
        critic_loss.backward()
        critic_optim.step()
        actor_optim.zero_grad()
        actor_loss = -q(state_batch, actor(state_batch)).mean()
        actor_loss.backward()
        actor_optim.step()
