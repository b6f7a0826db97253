# report: https://github.com/datawhalechina/easy-rl/pull/117
# family: clone-not-a-cut
# expect: 18
# runtime: asserts the TD target passes gradient into the online network (not a semi-gradient)
# twin: clone-not-a-cut-td-target-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
policy_net = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2))
optimizer = torch.optim.Adam(policy_net.parameters(), lr=1e-3)
gamma = 0.99


def td_loss(state, action, reward, next_state, done):
    q_values = policy_net(state).gather(1, action.unsqueeze(1)).squeeze(1)
    next_q = policy_net(next_state).max(1)[0].clone()
    expected_q = reward + gamma * next_q * (1 - done)
    return F.mse_loss(q_values, expected_q)


batch = (torch.randn(8, 4), torch.randint(0, 2, (8,)), torch.rand(8), torch.randn(8, 4), torch.zeros(8))
loss = td_loss(*batch)
optimizer.zero_grad()
loss.backward()
q = policy_net(batch[0]).gather(1, batch[1].unsqueeze(1)).squeeze(1)
with torch.no_grad():
    target = batch[2] + gamma * policy_net(batch[3]).max(1)[0]
semi, = torch.autograd.grad(F.mse_loss(q, target), policy_net[0].weight)
assert not torch.allclose(policy_net[0].weight.grad, semi)
