# report: https://github.com/nelson-yao/fastai/blob/6ac9096c1233bf8a22ab819aa52faaea79ae7ab5/courses/dl1/lesson6-sgd.ipynb
# family: removed-api
# expect: 23
# runtime: raises IndexError: invalid index of a 0-dim tensor
import numpy as np
import torch
from torch.autograd import Variable

np.random.seed(0)


def lin(a, b, x):
    return a * x + b


x = np.random.uniform(0, 1, 200)
y = lin(3.0, 8.0, x) + 0.3 * np.random.normal(size=200)
x, y = Variable(torch.from_numpy(x).float()), Variable(torch.from_numpy(y).float())
a = Variable(torch.randn(1), requires_grad=True)
b = Variable(torch.randn(1), requires_grad=True)
for t in range(5):
    loss = ((lin(a, b, x) - y) ** 2).mean()  # 0-dim
    if t % 2 == 0: print(loss.data[0])
    loss.backward()
    a.data -= 1e-3 * a.grad.data
    b.data -= 1e-3 * b.grad.data
    a.grad.data.zero_()
    b.grad.data.zero_()
