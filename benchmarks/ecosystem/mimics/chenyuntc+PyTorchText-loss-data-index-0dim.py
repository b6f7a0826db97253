# report: https://github.com/chenyuntc/PyTorchText/blob/dcadcba44af0c3731b82d9db1c77f2968d4feac0/main.py#L108
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Linear(40, 6))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_function = nn.MultiLabelSoftMarginLoss()
losses = []
for ii in range(2):
    content = Variable(torch.randint(0, 20, (4, 5)))
    label = torch.zeros(4, 6).long()
    label[:, ii] = 1
    label = Variable(label)
    optimizer.zero_grad()
    score = model(content)
    loss = loss_function(score, 1.0 * label.float())
    # the meter is fed the first element of the loss, written for the
    # 1-element loss Variables of torch 0.3
    losses.append(loss.data[0])
    loss.backward()
    optimizer.step()
