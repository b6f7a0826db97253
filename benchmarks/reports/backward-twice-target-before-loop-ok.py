# report: https://github.com/zhangyu2234/Deep-learning-by-hand
# family: backward-twice
# expect: none
# runtime: runs: the labels are made without a graph, so each batch's loss stands alone
# twin: backward-twice-target-before-loop.py
import torch

torch.manual_seed(0)

X = torch.randn(40, 2)
true_W = torch.randn(2, 1, requires_grad=True)
true_b = torch.randn(1, requires_grad=True)
with torch.no_grad():
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
assert true_W.grad is None and not Y.requires_grad
