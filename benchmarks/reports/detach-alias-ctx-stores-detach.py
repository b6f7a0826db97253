# report: https://github.com/hpcaitech/ColossalAI/pull/700
# family: detach-alias
# expect: 14
# runtime: asserts an input kept on ctx as .detach() is rewritten by a later in-place ReLU and the weight gradient comes out wrong
# twin: detach-alias-ctx-stores-detach-ok.py
import torch

torch.manual_seed(0)


class ParallelLinear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, A, B):
        ctx.A = A.detach()
        ctx.save_for_backward(B)
        return A @ B

    @staticmethod
    def backward(ctx, grad):
        (B,) = ctx.saved_tensors
        return grad @ B.t(), ctx.A.t() @ grad


def block(x, w1, w2):
    h = ParallelLinear.apply(x, w1)
    out = ParallelLinear.apply(h, w2)
    h.relu_()  # the activation is applied in place for the skip branch
    return out + h @ w2


def reference(x, w1, w2):
    h = x @ w1
    return h @ w2 + h.relu() @ w2


x = torch.randn(4, 3)
w1 = torch.randn(3, 5, requires_grad=True)
w2 = torch.randn(5, 5, requires_grad=True)
block(x, w1, w2).sum().backward()
custom_grad = w2.grad.clone()
w2.grad = None
reference(x, w1, w2).sum().backward()
assert not torch.allclose(custom_grad, w2.grad)
