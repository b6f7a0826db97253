# report: https://github.com/carpedm20/BEGAN-pytorch/blob/487d7fc1403772c307f2bb16f9fb637a038175c1/trainer.py#L172
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
D = nn.Linear(4, 4)
x = Variable(torch.randn(3, 4))
fake = torch.randn(3, 4)
l1 = nn.L1Loss()
d_loss_real = l1(D(x), x)
d_loss_fake = l1(D(fake), fake)
(d_loss_real - 0.5 * d_loss_fake).backward()
k_t, gamma, lambda_k = 0.0, 0.5, 0.001
g_d_balance = (gamma * d_loss_real - d_loss_fake).data[0]
k_t += lambda_k * g_d_balance
