# report: https://github.com/bodokaiser/piwise/blob/50f8be658693dd27bfa463cb00d1acec7e869fc4/main.py#L77
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Conv2d(3, 4, 3, padding=1)
crit = nn.NLLLoss(torch.tensor([0.0, 1.0, 1.0, 1.0]))
optimizer = torch.optim.Adam(net.parameters())
epoch_loss = []
for images, labels in [(torch.randn(1, 3, 6, 6), torch.randint(0, 4, (1, 1, 6, 6)))]:
    outputs = net(Variable(images))
    optimizer.zero_grad()
    loss = crit(F.log_softmax(outputs, dim=1), Variable(labels)[:, 0])
    loss.backward()
    optimizer.step()
    epoch_loss.append(loss.data[0])
