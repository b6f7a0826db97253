# report: https://github.com/pytorch/pytorch/issues/54765
# family: optimizer-misuse
# expect: 18
# runtime: asserts the second network never changes: the optimizer still holds the first one's parameters
import torch
import torch.nn as nn


def make_net(hidden):
    return nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 1))


torch.manual_seed(0)
net = make_net(4)
optimizer = torch.optim.Adam(net.parameters(), lr=3e-2)

# ... later the structure is changed for a wider network
net = make_net(8)
start = [p.detach().clone() for p in net.parameters()]

x = torch.randn(16, 2)
y = x.sum(dim=1, keepdim=True)
for _ in range(5):
    loss = (net(x) - y).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

assert all(torch.equal(a, b) for a, b in zip(start, net.parameters()))
