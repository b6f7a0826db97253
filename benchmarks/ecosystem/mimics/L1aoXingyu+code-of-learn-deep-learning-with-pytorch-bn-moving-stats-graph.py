# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/chapter4_CNN/batch-normalization.ipynb
# family: graph-kept
# expect: 27 28
# runtime: asserts the hand-written moving mean/var carry an autograd history that grows by a link every training step
import torch
from torch import nn
from torch.autograd import Variable


def count_nodes(fn):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(next_fn for next_fn, _ in node.next_functions)
    return len(seen)


def batch_norm_1d(x, gamma, beta, is_training, moving_mean, moving_var, moving_momentum=0.1):
    eps = 1e-5
    x_mean = torch.mean(x, dim=0, keepdim=True)
    x_var = torch.mean((x - x_mean) ** 2, dim=0, keepdim=True)
    if is_training:
        x_hat = (x - x_mean) / torch.sqrt(x_var + eps)
        moving_mean[:] = moving_momentum * moving_mean + (1. - moving_momentum) * x_mean
        moving_var[:] = moving_momentum * moving_var + (1. - moving_momentum) * x_var
    else:
        x_hat = (x - moving_mean) / torch.sqrt(moving_var + eps)
    return gamma.view_as(x_mean) * x_hat + beta.view_as(x_mean)


class multi_network(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(6, 5)
        self.layer2 = nn.Linear(5, 3)
        self.gamma = nn.Parameter(torch.randn(5))
        self.beta = nn.Parameter(torch.randn(5))
        self.moving_mean = Variable(torch.zeros(5))
        self.moving_var = Variable(torch.zeros(5))

    def forward(self, x, is_train=True):
        x = self.layer1(x)
        x = batch_norm_1d(x, self.gamma, self.beta, is_train, self.moving_mean, self.moving_var)
        return self.layer2(torch.relu(x))


torch.manual_seed(0)
net = multi_network()
optimizer = torch.optim.SGD(net.parameters(), 1e-1)
criterion = nn.CrossEntropyLoss()
sizes = []
for step in range(4):
    loss = criterion(net(torch.randn(8, 6)), torch.randint(0, 3, (8,)))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    sizes.append(count_nodes(net.moving_mean.grad_fn))
assert net.moving_mean.requires_grad and net.moving_var.grad_fn is not None
assert sizes[0] < sizes[1] < sizes[2] < sizes[3]  # one more step of history per iteration, never freed
