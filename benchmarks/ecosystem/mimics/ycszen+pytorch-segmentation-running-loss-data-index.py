# report: https://github.com/ycszen/pytorch-segmentation/blob/63a840f797e12a2ffa5e1888012fe88e0b04ca01/trainer.py#L81
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
heads = nn.ModuleList([nn.Conv2d(3, 5, 1) for _ in range(3)])
weight = torch.ones(5)
weight[4] = 0
nll = nn.NLLLoss(weight)
optimizer = torch.optim.SGD(heads.parameters(), lr=1e-4, momentum=0.9, weight_decay=2e-5)
img = Variable(torch.randn(2, 3, 8, 8))
labels = [Variable(torch.randint(0, 5, (2, 8, 8))) for _ in range(3)]

running_loss = 0.0
optimizer.zero_grad()
losses = [nll(F.log_softmax(h(img), dim=1), lab) for h, lab in zip(heads, labels)]
loss = 0
for w, l in zip([0.1, 0.1, 0.8], losses):
    loss += w * l
loss.backward()
optimizer.step()
running_loss += loss.data[0]
