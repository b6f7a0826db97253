# report: https://github.com/ZiJianZhao/SeqGAN-PyTorch/blob/b4405540a14c7974ee90d79c350770d9b4a6fb40/main.py#L127
# family: removed-api
# expect: 18
# runtime: raises RuntimeError: masked_select: expected BoolTensor for mask
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
N, C = 6, 5
lin = nn.Linear(4, C)


def gan_loss(prob, target, reward):
    N, C = target.size(0), prob.size(1)
    one_hot = torch.zeros((N, C))
    one_hot.scatter_(1, target.data.view((-1, 1)), 1)
    one_hot = one_hot.type(torch.ByteTensor)  # a uint8 mask
    one_hot = Variable(one_hot)
    loss = torch.masked_select(prob, one_hot)
    loss = loss * reward
    return -torch.sum(loss)


prob = torch.log_softmax(lin(torch.randn(N, 4)), dim=1)
targets = torch.randint(0, C, (N,))
rewards = torch.rand(N)
opt = torch.optim.Adam(lin.parameters())
loss = gan_loss(prob, targets, rewards)
opt.zero_grad()
loss.backward()
opt.step()
