# report: https://github.com/pytorch/pytorch/issues/14275
# family: dtype-grad
# expect: 14
# runtime: raises RuntimeError: only Tensors of floating point dtype can require gradients
# twin: dtype-grad-arange-ok.py
import torch


def f(x):
    return x ** 2 * torch.exp(x)


def derivative_table(lo, hi):
    x = torch.arange(lo, hi).requires_grad_()
    y = f(x)
    y.backward(torch.ones_like(y))
    return list(zip(x.tolist(), x.grad.tolist()))


for point, slope in derivative_table(-2, 4):
    print(f"f'({point:+.0f}) = {slope:.3f}")
