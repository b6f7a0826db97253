# report: https://github.com/d2l-ai/d2l-en/issues/989
# family: clone-not-a-cut
# expect: 14
# runtime: asserts the gradient flows back through the copy, so x.grad is not u
import torch

torch.manual_seed(0)


def partial_grad(x):
    """d(u * x)/dx with u = x * x held constant (the "detaching computation" exercise)."""
    x = x.clone().requires_grad_(True)
    y = x * x
    u = y.clone()  # take a copy of y that autograd should treat as a constant
    z = u * x
    z.sum().backward()
    return x.grad, u


x = torch.arange(4.0)
grad, u = partial_grad(x)
assert not torch.equal(grad, u.detach())  # it got 3 * x**2, not u
