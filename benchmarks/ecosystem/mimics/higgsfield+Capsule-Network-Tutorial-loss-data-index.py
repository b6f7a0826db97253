# report: https://github.com/higgsfield/Capsule-Network-Tutorial/blob/ef447daf329e26101c7636173f80f8be2536b9e8/Capsule%20Network.ipynb
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Linear(12, 10 * 4)
mse = nn.MSELoss()
optimizer = torch.optim.Adam(net.parameters())

train_loss = 0
for batch_id in range(2):
    data = torch.rand(3, 12)
    target = torch.eye(10).index_select(dim=0, index=torch.randint(0, 10, (3,)))
    optimizer.zero_grad()
    x = net(data).view(3, 10, 4)
    v_c = torch.sqrt((x ** 2).sum(dim=2, keepdim=True))
    left = F.relu(0.9 - v_c).view(3, -1)
    right = F.relu(v_c - 0.1).view(3, -1)
    margin = (target * left + 0.5 * (1.0 - target) * right).sum(dim=1).mean()
    recon = mse(torch.sigmoid(x.view(3, -1)[:, :12]), data) * 0.0005
    loss = margin + recon
    loss.backward()
    optimizer.step()
    assert loss.dim() == 0

    train_loss += loss.data[0]
