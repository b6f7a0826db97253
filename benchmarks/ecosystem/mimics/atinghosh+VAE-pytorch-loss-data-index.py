# report: https://github.com/atinghosh/VAE-pytorch/blob/e5365f2ecb6635321b045eb8a21ff57af558a532/main.py#L106
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
fc1, fc21, fc22, fc3 = nn.Linear(12, 8), nn.Linear(8, 2), nn.Linear(8, 2), nn.Linear(2, 12)
params = [p for m in (fc1, fc21, fc22, fc3) for p in m.parameters()]
optimizer = torch.optim.Adam(params, lr=1e-3)


def forward(x):
    h = F.relu(fc1(x))
    mu, logvar = fc21(h), fc22(h)
    std = logvar.mul(0.5).exp_()
    eps = Variable(std.data.new(std.size()).normal_())
    return torch.sigmoid(fc3(eps.mul(std).add_(mu))), mu, logvar


train_loss = 0
for batch_idx in range(2):
    data = Variable(torch.rand(5, 12))
    optimizer.zero_grad()
    recon, mu, logvar = forward(data)
    loss = F.binary_cross_entropy(recon, data, reduction='sum') - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    loss.backward()
    train_loss += loss.data[0]
    optimizer.step()
print(train_loss)
