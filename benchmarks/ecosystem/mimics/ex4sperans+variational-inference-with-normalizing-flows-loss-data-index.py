# report: https://github.com/ex4sperans/variational-inference-with-normalizing-flows/blob/922b569f851e02fa74700cd0754fe2ef5c1f3180/run_experiment.py#L76
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn.functional as F
from torch import nn, optim
from torch.autograd import Variable

torch.manual_seed(0)
w = nn.Parameter(torch.empty(1, 2).uniform_(-0.01, 0.01))
b = nn.Parameter(torch.empty(1).uniform_(-0.01, 0.01))
u = nn.Parameter(torch.empty(1, 2).uniform_(-0.01, 0.01))
optimizer = optim.RMSprop([w, b, u], lr=0.01)


def target_density(z):
    return torch.exp(-0.5 * (z ** 2).sum(1, keepdim=True))


for iteration in range(1, 3):
    z0 = Variable(torch.zeros(8, 2).normal_())
    act = F.linear(z0, w, b)
    log_det = torch.log((1 + torch.mm((1 - torch.tanh(act) ** 2) * w, u.t())).abs() + 1e-7)
    zk = z0 + u * torch.tanh(act)
    optimizer.zero_grad()
    loss = (-log_det - torch.log(target_density(zk) + 1e-7)).mean()
    loss.backward()
    optimizer.step()
    if iteration % 1 == 0:
        print("Loss on iteration {}: {}".format(iteration, loss.data[0]))
