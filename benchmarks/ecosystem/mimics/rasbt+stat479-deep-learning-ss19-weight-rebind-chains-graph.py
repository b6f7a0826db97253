# report: https://github.com/rasbt/stat479-deep-learning-ss19/blob/c8bf651b5ddfcf5d077ed04ff7eac0f3f1f3e6bf/L06_pytorch/code/adaline-with-autograd.ipynb
# family: graph-kept
# expect: 32,33
# runtime: asserts model.weight = model.weight + lr * g turns the weight into a non-leaf whose autograd graph chains every update of the run
import torch
from torch.autograd import grad


class Adaline2():
    def __init__(self, num_features):
        self.weight = torch.zeros(num_features, 1, requires_grad=True)
        self.bias = torch.zeros(1, requires_grad=True)

    def forward(self, x):
        return (torch.mm(x, self.weight) + self.bias).view(-1)


def chain_len(t):
    n, fn = 0, t.grad_fn
    while fn is not None and fn.next_functions:
        n += 1
        fn = fn.next_functions[0][0]
    return n


def train(model, x, y, steps, learning_rate=0.01):
    for _ in range(steps):
        yhat = model.forward(x)
        loss = torch.mean((yhat - y) ** 2)
        negative_grad_w = grad(loss, model.weight, retain_graph=True)[0] * (-1)
        negative_grad_b = grad(loss, model.bias)[0] * (-1)
        model.weight = model.weight + learning_rate * negative_grad_w
        model.bias = model.bias + learning_rate * negative_grad_b


torch.manual_seed(0)
x, y = torch.randn(10, 2), torch.randn(10)
model = Adaline2(2)
train(model, x, y, 5)
short = chain_len(model.weight)
train(model, x, y, 20)
assert not model.weight.is_leaf and model.weight.requires_grad
assert chain_len(model.weight) == short + 20
