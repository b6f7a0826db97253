# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter02/2.%20Building%20Blocks%20Of%20Neural%20Networks.ipynb
# family: removed-api
# expect: 20
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch

torch.manual_seed(0)
x = torch.rand(17, 1) * 10
y = torch.rand(17)
w = torch.randn(1, requires_grad=True)
b = torch.randn(1, requires_grad=True)


def loss_fn(y, y_pred):
    loss = (y_pred - y).pow(2).sum()
    for param in [w, b]:
        if param.grad is not None:
            param.grad.data.zero_()
    loss.backward()
    return loss.data[0]


for i in range(3):
    y_pred = torch.matmul(x, w) + b
    loss = loss_fn(y, y_pred)
    w.data -= 1e-4 * w.grad.data
    b.data -= 1e-4 * b.grad.data
