# report: https://github.com/vincentherrmann/pytorch-wavenet/blob/26ba28989edcf8688f6216057aafda07601ff07e/wavenet_training.py#L72
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
classes, out_len = 16, 4
model = nn.Sequential(nn.Conv1d(classes, 8, 2), nn.ReLU(), nn.Conv1d(8, classes, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x = F.one_hot(torch.randint(0, classes, (3, 9)), classes).float().transpose(1, 2)
target = torch.randint(0, classes, (3, out_len))

model.train()
out = model(x)[:, :, -out_len:]
n, c, l = out.shape
out = out.transpose(1, 2).contiguous().view(n * l, c)
loss = F.cross_entropy(out.squeeze(), target.view(-1).squeeze())
opt.zero_grad()
loss.backward()
loss = loss.data[0]  # cross_entropy returns a 0-dim tensor
opt.step()
