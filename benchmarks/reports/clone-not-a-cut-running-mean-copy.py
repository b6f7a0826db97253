# report: https://github.com/pytorch/pytorch/issues/20275
# family: clone-not-a-cut
# expect: 23
# runtime: asserts the running-mean buffer is part of the graph and chains it across iterations
# twin: clone-not-a-cut-running-mean-copy-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class MyBatchNorm1d(nn.Module):
    def __init__(self, n, momentum=0.1):
        super().__init__()
        self.momentum = momentum
        self.weight = nn.Parameter(torch.ones(n))
        self.bias = nn.Parameter(torch.zeros(n))
        self.register_buffer("running_mean", torch.zeros(n))

    def forward(self, x):
        mean = x.mean(0)
        if self.training:
            self.running_mean.copy_((1 - self.momentum) * self.running_mean + self.momentum * mean)
        return (x - mean) / (x.var(0, unbiased=False) + 1e-5).sqrt() * self.weight + self.bias


net = nn.Sequential(nn.Linear(5, 6), MyBatchNorm1d(6), nn.ReLU(), nn.Linear(6, 1))
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
for it in range(3):
    loss = net(torch.randn(8, 5)).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert net[1].running_mean.requires_grad and net[1].running_mean.grad_fn is not None
