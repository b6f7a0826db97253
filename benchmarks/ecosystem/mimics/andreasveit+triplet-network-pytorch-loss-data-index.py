# report: https://github.com/andreasveit/triplet-network-pytorch/blob/14e64764ec33d0a6e54508cee24ef7e7fe3a8366/train.py#L155
# family: removed-api
# expect: 27 28 33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
embeddingnet = nn.Linear(8, 4)


def tnet(x, y, z):
    ex, ey, ez = embeddingnet(x), embeddingnet(y), embeddingnet(z)
    return F.pairwise_distance(ex, ey, 2), F.pairwise_distance(ex, ez, 2), ex, ey, ez


criterion = nn.MarginRankingLoss(margin=0.2)
optimizer = torch.optim.SGD(embeddingnet.parameters(), lr=0.01, momentum=0.5)
data1, data2, data3 = torch.randn(3, 8), torch.randn(3, 8), torch.randn(3, 8)
dista, distb, ex, ey, ez = tnet(data1, data2, data3)
target = torch.FloatTensor(dista.size()).fill_(1)
loss_triplet = criterion(dista, distb, target)
loss_embedd = ex.norm(2) + ey.norm(2) + ez.norm(2)
loss = loss_triplet + 0.001 * loss_embedd
logged = []
logged.append(loss_triplet.data[0])
logged.append(loss_embedd.data[0] / 3)
optimizer.zero_grad()
loss.backward()
optimizer.step()
dista, distb, _, _, _ = tnet(data1, data2, data3)
test_loss = criterion(dista, distb, target).data[0]
