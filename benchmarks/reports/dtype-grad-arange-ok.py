# report: https://github.com/pytorch/pytorch/issues/14275
# family: dtype-grad
# expect: none
# runtime: runs: arange is given a float dtype before requires_grad_()
# twin: dtype-grad-arange.py
import torch


def f(x):
    return x ** 2 * torch.exp(x)


def derivative_table(lo, hi):
    x = torch.arange(lo, hi, dtype=torch.float32).requires_grad_()
    y = f(x)
    y.backward(torch.ones_like(y))
    return list(zip(x.tolist(), x.grad.tolist()))


table = derivative_table(-2, 4)
assert len(table) == 6 and abs(table[2][1]) < 1e-6
