# report: https://github.com/bamtercelboo/cnn-lstm-bilstm-deepcnn-clstm-in-pytorch/blob/71b8c3f21b6dbc39562a3f8f221e90a1c7d9592f/train_ALL_CNN.py#L47
# family: removed-api
# expect: 23
# runtime: raises ValueError: Expected input batch_size
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
embed = nn.Embedding(30, 6)
conv = nn.Conv2d(1, 4, (3, 6))
fc = nn.Linear(4, 3)
optimizer = torch.optim.Adam(list(embed.parameters()) + list(conv.parameters()) + list(fc.parameters()))


def model(x):  # expects (N, W) token ids
    x = F.relu(conv(embed(x).unsqueeze(1))).squeeze(3)
    return fc(F.max_pool1d(x, x.size(2)).squeeze(2))


text, label = torch.randint(0, 30, (9, 5)), torch.randint(1, 4, (5,))  # torchtext: (W, N), labels from 1
feature, target = text, label
feature.data.t_(), target.data.sub_(1)  # batch first, index align
optimizer.zero_grad()
logit = model(feature)  # the transpose never reached feature: (W, N) is read as (N, W)
loss = F.cross_entropy(logit, target)
loss.backward()
optimizer.step()
