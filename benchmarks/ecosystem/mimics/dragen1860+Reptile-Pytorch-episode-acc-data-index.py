# report: https://github.com/dragen1860/Reptile-Pytorch/blob/0bd5d777c167fa1aea66b5dc325a7fc4e56632ab/meta.py#L88
# family: removed-api
# expect: 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch import autograd

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 5))
net_pi = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 5))
inner_opt = torch.optim.SGD(net_pi.parameters(), 0.1)
criteon = nn.CrossEntropyLoss()
support_x, support_y = torch.randn(5, 8), torch.arange(5)
query_x, query_y = torch.randn(5, 8), torch.arange(5)

for m_from, m_to in zip(net.modules(), net_pi.modules()):
    if isinstance(m_to, nn.Linear):
        m_to.weight.data = m_from.weight.data.clone()
        m_to.bias.data = m_from.bias.data.clone()
for _ in range(3):
    loss = criteon(net_pi(support_x), support_y)
    inner_opt.zero_grad()
    loss.backward()
    inner_opt.step()
pred = net_pi(query_x)
loss = criteon(pred, query_y)
_, indices = torch.max(pred, dim=1)
correct = torch.eq(indices, query_y).sum().data[0]
acc = correct / query_y.size(0)
grads_pi = autograd.grad(loss, net_pi.parameters(), create_graph=True)
