# report: https://github.com/AdrienLE/learning_by_grad_by_grad_repro/blob/bed5dab4bf9e7c5e7de42b725418e7ff1fbe4f15/Grad%5E2.ipynb
# family: inplace-saved-tensor
# expect: 25
# runtime: asserts the meta-gradient is wrong: the LSTM optimizer's input is Variable(p.grad.data), later backward calls accumulate into p.grad in place, and the saved input seen by the final backward is no longer the gradient that was fed forward
import torch
import torch.nn as nn
from torch.autograd import Variable

W = torch.randn(6, 6, generator=torch.Generator().manual_seed(1))
y = torch.randn(6, generator=torch.Generator().manual_seed(2))


def meta_grad(copy_input):
    torch.manual_seed(0)
    cell = nn.LSTMCell(1, 4)
    out = nn.Linear(4, 1)
    theta = Variable(torch.zeros(6), requires_grad=True)  # the leaf that starts an unroll
    h, c = torch.zeros(6, 4), torch.zeros(6, 4)
    all_losses = 0
    for it in range(4):
        loss = torch.sum((W @ theta - y) ** 2)
        all_losses = all_losses + loss
        loss.backward(retain_graph=True)
        g = theta.grad.data.view(-1, 1)
        gradients = Variable(g.clone() if copy_input else g, requires_grad=True)
        h, c = cell(gradients, (h, c))
        theta = theta + out(h).view(-1) * 0.1
        theta.retain_grad()
    cell.zero_grad()
    out.zero_grad()
    all_losses.backward()
    return cell.weight_ih.grad.clone()


buggy = meta_grad(copy_input=False)
right = meta_grad(copy_input=True)
print((buggy - right).abs().max())
assert not torch.allclose(buggy, right, atol=1e-5)
