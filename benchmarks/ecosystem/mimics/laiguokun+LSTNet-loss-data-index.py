# report: https://github.com/laiguokun/LSTNet/blob/093c4dced7b7f7405be0620d65bb288b6d7ab4f0/main.py#L60
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
m = 3
model = nn.Sequential(nn.Flatten(), nn.Linear(8 * m, m), nn.Sigmoid())
criterion = nn.L1Loss(reduction="sum")  # size_average=False in the script
optim = torch.optim.Adam(model.parameters(), lr=1e-3)
scale = torch.rand(m) + 0.5
X = torch.randn(16, 8, m)
Y = torch.rand(16, m)
total_loss = 0
model.train()
for i in range(0, 16, 4):
    model.zero_grad()
    output = model(X[i:i + 4])
    loss = criterion(output * scale, Y[i:i + 4] * scale)
    loss.backward()
    optim.step()
    total_loss += loss.data[0]  # the summed loss is 0-dim, so indexing it fails
print(total_loss)
