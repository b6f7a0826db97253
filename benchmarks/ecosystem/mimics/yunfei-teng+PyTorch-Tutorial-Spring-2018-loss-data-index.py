# report: https://github.com/yunfei-teng/PyTorch-Tutorial-Spring-2018/blob/49ecdf9869ecaa31975929116af723125937c1b8/recitation1/classification/Pipeline/run.py#L25
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 10), nn.LogSoftmax(dim=1))
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.5)
batches = [(torch.randn(4, 1, 4, 4), torch.randint(0, 10, (4,))) for _ in range(2)]
net.train()
for step, (x, y) in enumerate(batches):
    x, y = Variable(x), Variable(y)
    opt.zero_grad()
    out = net(x)
    loss = F.nll_loss(out, y)
    loss.backward()
    opt.step()
    print("step", step, "loss", loss.data[0])
