# report: https://github.com/zhangxiann/PyTorch_Practice/blob/59ceef57476206bf62673a8bcb05ce52f3769aaf/lesson4/learning_rate.py#L57
# family: numpy-conversion
# expect: 25
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch

torch.manual_seed(1)


def func(x_t):
    return torch.pow(2 * x_t, 2)


x = torch.tensor([2.], requires_grad=True)
iter_rec, loss_rec = [], []
lr = 0.1
for i in range(4):
    y = func(x)
    y.backward()
    x.data.sub_(lr * x.grad)
    x.grad.zero_()
    iter_rec.append(i)
    # stores the loss tensor itself, graph and requires_grad included
    loss_rec.append(y)

# plt.plot(iter_rec, loss_rec) turns the list into an array the same way
assert all(t.requires_grad for t in loss_rec)
loss_curve = np.asarray(loss_rec)
