# report: https://github.com/floodsung/LearningToCompare_FSL/blob/b74e6366c7e7208a9d0fc82f7bedb9e1000199e4/omniglot/omniglot_train_few_shot.py#L206
# family: removed-api
# expect: 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
feature_encoder = nn.Linear(6, 4)
relation_network = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
fe_optim = torch.optim.Adam(feature_encoder.parameters(), lr=1e-3)
rn_optim = torch.optim.Adam(relation_network.parameters(), lr=1e-3)

for episode in range(100):
    samples, batches = torch.randn(3, 6), torch.randn(6, 6)
    labels = torch.arange(6) % 3
    s = feature_encoder(samples).unsqueeze(0).repeat(6, 1, 1)
    b = feature_encoder(batches).unsqueeze(1).repeat(1, 3, 1)
    relations = relation_network(torch.cat((s, b), 2)).view(-1, 3)
    one_hot = torch.zeros(6, 3).scatter_(1, labels.view(-1, 1), 1)
    loss = nn.MSELoss()(relations, one_hot)
    feature_encoder.zero_grad()
    relation_network.zero_grad()
    loss.backward()
    fe_optim.step()
    rn_optim.step()
    if (episode + 1) % 100 == 0:
        print("episode:", episode + 1, "loss", loss.data[0])
