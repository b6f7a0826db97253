# report: https://github.com/taochenshh/dqn-pytorch/blob/74939f379d69480200c57be9be86cd495a00c9f8/main.py#L426
# family: removed-api
# expect: 22 29
# runtime: asserts volatile=True on the next-state batch is ignored: the TD target keeps the target network's graph and every loss.backward() sends gradients into target_q_net
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
q_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_q_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_q_net.load_state_dict(q_net.state_dict())
target_q_net.eval()
optimizer = torch.optim.Adam(q_net.parameters(), lr=1e-3)
loss_fn = nn.SmoothL1Loss()

for _ in range(2):
    obs0 = Variable(torch.randn(5, 4)).float()
    vol_obs1 = Variable(torch.randn(5, 4), volatile=True).float()
    rewards = Variable(torch.randn(5, 1))
    actions = Variable(torch.randint(0, 2, (5, 1)))
    terminals = Variable(torch.zeros(5, 1))
    action_q_vals = torch.gather(q_net(obs0), 1, actions)
    target_net_q_vals = target_q_net(vol_obs1)
    target_action_q_vals, _ = torch.max(target_net_q_vals, 1)
    target_action_q_vals.volatile = False
    q_label = rewards + 0.99 * target_action_q_vals.view(-1, 1) * (1 - terminals)
    q_net.zero_grad()
    net_loss = loss_fn(action_q_vals, q_label)
    net_loss.backward()
    optimizer.step()

assert q_label.requires_grad
g = target_q_net[0].weight.grad
assert g is not None and g.abs().sum() > 0  # gradients reached (and pile up in) the target network
