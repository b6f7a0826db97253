# report: https://github.com/rentruewang/brief/issues/1
# family: backward-twice
# expect: 21
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)
value_net = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
optimizer = torch.optim.SGD(value_net.parameters(), lr=0.01)
gamma = 0.9

states = torch.randn(6, 3)
rewards = torch.rand(5)
values = value_net(states).squeeze(1)  # one forward for the whole trajectory

optimizer.zero_grad()
for t in range(5):
    target = rewards[t] + gamma * values[t + 1].detach()
    td_loss = (values[t] - target) ** 2
    td_loss.backward()
optimizer.step()
