# report: https://github.com/dragen1860/MAML-Pytorch/issues/40
# family: no-grad-backward
# expect: 30 41
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn.functional as F

torch.manual_seed(0)
w = torch.randn(5, 4, requires_grad=True)
b = torch.zeros(5, requires_grad=True)
meta_opt = torch.optim.Adam([w, b], lr=1e-3)


def net(x, params):
    return F.linear(x, params[0], params[1])


def adapt(params, x, y, lr=0.1):
    loss = F.cross_entropy(net(x, params), y)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    return [p - lr * g for p, g in zip(params, grads)]


def meta_loss(x_spt, y_spt, x_qry, y_qry, update_step):
    losses_q = [0.0] * (update_step + 1)
    with torch.no_grad():
        losses_q[0] += F.cross_entropy(net(x_qry, [w, b]), y_qry)
    fast = adapt([w, b], x_spt, y_spt)
    with torch.no_grad():
        losses_q[1] += F.cross_entropy(net(x_qry, fast), y_qry)
    for k in range(1, update_step):
        fast = adapt(fast, x_spt, y_spt)
        losses_q[k + 1] += F.cross_entropy(net(x_qry, fast), y_qry)
    return losses_q[-1]


x_spt, y_spt = torch.randn(10, 4), torch.randint(0, 5, (10,))
x_qry, y_qry = torch.randn(10, 4), torch.randint(0, 5, (10,))
meta_opt.zero_grad()
loss_q = meta_loss(x_spt, y_spt, x_qry, y_qry, update_step=1)
loss_q.backward()
meta_opt.step()
