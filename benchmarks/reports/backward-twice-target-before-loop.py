# report: https://github.com/zhangyu2234/Deep-learning-by-hand
# family: backward-twice
# expect: 14
# runtime: raises RuntimeError: Trying to backward through the graph a second time
# twin: backward-twice-target-before-loop-ok.py
import torch

torch.manual_seed(0)

# Synthetic regression data from a "true" layer.
X = torch.randn(40, 2)
true_W = torch.randn(2, 1, requires_grad=True)
true_b = torch.randn(1, requires_grad=True)
Y = torch.relu(X @ true_W + true_b)

W = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)


def sgd(params, lr):
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
            p.grad.zero_()


for epoch in range(2):
    for i in range(0, 40, 10):
        x, y = X[i:i + 10], Y[i:i + 10]
        loss = ((torch.relu(x @ W + b) - y) ** 2).mean()
        loss.backward()
        sgd([W, b], lr=0.1)
