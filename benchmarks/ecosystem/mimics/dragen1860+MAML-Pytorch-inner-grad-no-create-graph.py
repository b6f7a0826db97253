# report: https://github.com/dragen1860/MAML-Pytorch/blob/98a00d41724c133bd29619a2fb2cc46dd128a368/meta.py#L86
# family: grad-missing
# expect: 24
# runtime: asserts the meta-gradient drops the second-order term: it differs from the MAML gradient
import torch
import torch.nn.functional as F

torch.manual_seed(0)
vars_ = [torch.nn.Parameter(torch.randn(5, 4) * 0.5), torch.nn.Parameter(torch.zeros(5))]
update_lr = 0.4


def net(x, params):
    return F.linear(torch.tanh(x), params[0], params[1])


x_spt, y_spt = torch.randn(10, 4), torch.randint(0, 5, (10,))
x_qry, y_qry = torch.randn(15, 4), torch.randint(0, 5, (15,))


def meta_grad(second_order):
    loss = F.cross_entropy(net(x_spt, vars_), y_spt)
    if not second_order:
        grad = torch.autograd.grad(loss, vars_)
    else:
        grad = torch.autograd.grad(loss, vars_, create_graph=True)
    fast_weights = [p - update_lr * g for g, p in zip(grad, vars_)]
    loss_q = F.cross_entropy(net(x_qry, fast_weights), y_qry)
    return torch.autograd.grad(loss_q, vars_)[0]


first = meta_grad(False)
maml = meta_grad(True)
assert not torch.allclose(first, maml, atol=1e-5)
