# report: https://github.com/AdrienLE/learning_by_grad_by_grad_repro/blob/bed5dab4bf9e7c5e7de42b725418e7ff1fbe4f15/Grad%5E2.ipynb
# family: detach-alias
# expect: 30,32
# runtime: asserts the recorded loss history is rewritten: loss.data.cpu().numpy() shares memory on CPU and the in-place all_losses += loss turns the first entry into the running sum
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
W = torch.randn(10, 10)
y = torch.randn(10)
opt_net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1))
meta_opt = torch.optim.Adam(opt_net.parameters(), lr=1e-3)


def quad_loss(theta):
    return torch.sum((W.matmul(theta) - y) ** 2)


theta = nn.Parameter(torch.zeros(10))
all_losses_ever = []
true_losses = []
meta_opt.zero_grad()
all_losses = None
for iteration in range(1, 6):
    loss = quad_loss(theta)
    if all_losses is None:
        all_losses = loss
    else:
        all_losses += loss
    true_losses.append(loss.item())
    all_losses_ever.append(loss.data.cpu().numpy())
    loss.backward(retain_graph=True)
    grad = Variable(theta.grad.data.view(-1, 1), requires_grad=True)
    theta = theta + opt_net(grad).view(-1) * 0.1
    theta.retain_grad()

meta_opt.zero_grad()
all_losses.backward()
meta_opt.step()

recorded = [float(a) for a in all_losses_ever]
print(recorded[:2], true_losses[:2])
assert abs(recorded[0] - true_losses[0]) > 1.0  # first entry became the sum of the unroll
assert abs(recorded[0] - sum(true_losses)) < 1e-3 * sum(true_losses)
