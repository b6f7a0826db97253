# report: https://github.com/wyharveychen/CloserLookFewShot/blob/e03aca8a2d01c9b5861a5a816cd5d3fdfc47cd45/methods/meta_template.py#L66
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
feature = nn.Sequential(nn.Linear(10, 6), nn.ReLU())
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(feature.parameters())
n_way, n_support, n_query = 3, 2, 2
episodes = [torch.randn(n_way, n_support + n_query, 10)]

avg_loss = 0
for i, x in enumerate(episodes):
    optimizer.zero_grad()
    z = feature(x.view(-1, 10)).view(n_way, n_support + n_query, -1)
    proto = z[:, :n_support].mean(1)
    query = z[:, n_support:].reshape(n_way * n_query, -1)
    scores = -((query.unsqueeze(1) - proto.unsqueeze(0)) ** 2).sum(2)
    y = torch.arange(n_way).repeat_interleave(n_query)
    loss = loss_fn(scores, y)
    loss.backward()
    optimizer.step()
    avg_loss = avg_loss + loss.data[0]
