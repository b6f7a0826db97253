# report: https://github.com/younggyoseo/vae-cf-pytorch/blob/3619878f8eaf77f4018be697f1ecfdbd95f9a23b/main.py#L229
# family: removed-api
# expect: 30
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_items = 12
model = nn.Sequential(nn.Dropout(0.5), nn.Linear(n_items, 4), nn.Tanh(), nn.Linear(4, n_items))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
best = io.BytesIO()
best_n100 = -float("inf")
for epoch in range(2):
    model.train()
    x = (torch.rand(6, n_items) > 0.6).float()
    optimizer.zero_grad()
    loss = -torch.mean(torch.sum(F.log_softmax(model(F.normalize(x)), 1) * x, -1))
    loss.backward()
    optimizer.step()
    n100 = -loss.item()
    if n100 > best_n100:
        best.seek(0)
        torch.save(model, best)  # the whole module, not its state_dict
        best_n100 = n100
best.seek(0)
model = torch.load(best)
