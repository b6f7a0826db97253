# report: https://github.com/nelson-yao/fastai/blob/6ac9096c1233bf8a22ab819aa52faaea79ae7ab5/courses/ml1/lesson4-mnist_sgd.ipynb
# family: graph-kept
# expect: 22
# runtime: asserts every loss appended to losses keeps its autograd graph alive for the whole epoch
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net2 = nn.Sequential(nn.Flatten(), nn.Linear(16, 10), nn.LogSoftmax(dim=1))
loss = nn.NLLLoss()
optimizer = torch.optim.SGD(net2.parameters(), lr=1e-2)
trn_dl = [(torch.randn(8, 1, 4, 4), torch.randint(0, 10, (8,))) for _ in range(4)]

for epoch in range(1):
    losses = []
    dl = iter(trn_dl)
    for t in range(len(trn_dl)):
        xt, yt = next(dl)
        y_pred = net2(Variable(xt))
        l = loss(y_pred, Variable(yt))
        losses.append(l)
        optimizer.zero_grad()
        l.backward()
        optimizer.step()

assert len(losses) == 4
assert all(x.grad_fn is not None for x in losses)  # each entry still references its graph
