# report: https://github.com/pytorch/pytorch/issues/10065
# family: grad-missing
# expect: 27
# runtime: warns The .grad attribute of a Tensor that is not a leaf Tensor is being accessed
import torch

torch.manual_seed(0)


class MixedPrecisionScale:
    """Keeps float64 master weights, runs the forward in float32."""

    def __init__(self, size):
        self.master = torch.ones(size, dtype=torch.float64, requires_grad=True)
        self.weight = None

    def forward(self, x):
        self.weight = self.master.type(torch.float)
        return x * self.weight


layer = MixedPrecisionScale(4)
x = torch.randn(8, 4)
target = 2.0 * x
loss = ((layer.forward(x) - target) ** 2).mean()
loss.backward()
grad = layer.weight.grad
assert grad is None
