# report: https://github.com/timomernick/pytorch-capsule/blob/d2e9aa876793408350e0521648d59990665d0df3/main.py#L122
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
network = nn.Linear(12, 10 * 4)
optimizer = torch.optim.Adam(network.parameters(), lr=0.01)


def margin_loss(output, target):
    v_mag = torch.sqrt((output ** 2).sum(dim=2, keepdim=True))
    zero = torch.zeros(1)
    max_l = torch.max(0.9 - v_mag, zero).view(output.size(0), -1) ** 2
    max_r = torch.max(v_mag - 0.1, zero).view(output.size(0), -1) ** 2
    return (target * max_l + 0.5 * (1.0 - target) * max_r).sum(dim=1).mean()


for batch_idx in range(2):
    data, target = torch.randn(3, 12), torch.eye(10)[torch.tensor([1, 4, 7])]
    optimizer.zero_grad()
    loss = margin_loss(network(data).view(3, 10, 4), target)
    loss.backward()
    last_loss = loss.data[0]
    optimizer.step()
