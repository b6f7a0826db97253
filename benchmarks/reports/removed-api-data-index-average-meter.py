# report: https://github.com/andreasveit/triplet-network-pytorch/issues/8
# family: removed-api
# expect: 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F


class AverageMeter:
    def __init__(self):
        self.sum, self.count = 0.0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n


torch.manual_seed(0)
embed = nn.Sequential(nn.Linear(6, 4))
criterion = nn.MarginRankingLoss(margin=0.2)
optimizer = torch.optim.SGD(embed.parameters(), lr=0.01)
losses = AverageMeter()
for _ in range(2):
    data1, data2, data3 = torch.randn(5, 6), torch.randn(5, 6), torch.randn(5, 6)
    dista = F.pairwise_distance(embed(data1), embed(data2))
    distb = F.pairwise_distance(embed(data1), embed(data3))
    loss_triplet = criterion(dista, distb, torch.ones(5))
    optimizer.zero_grad()
    loss_triplet.backward()
    optimizer.step()
    losses.update(loss_triplet.data[0], data1.size(0))
