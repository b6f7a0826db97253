# report: https://github.com/fastai/fastbook/pull/471
# family: inplace-leaf
# expect: 30
# runtime: raises RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation
import torch

torch.manual_seed(0)


def init_params(size, std=1.0):
    return (torch.randn(size) * std).requires_grad_()


def linear1(xb):
    return xb @ weights + bias


def mnist_loss(predictions, targets):
    predictions = predictions.sigmoid()
    return torch.where(targets == 1, 1 - predictions, predictions).mean()


train_x = torch.rand(8, 28 * 28)
train_y = torch.randint(0, 2, (8, 1))
weights = init_params((28 * 28, 1))
bias = init_params(1)

before = mnist_loss(linear1(train_x), train_y)
# how sensitive is the loss to one weight? nudge it and look again
weights[0] *= 1.0001
after = mnist_loss(linear1(train_x), train_y)
sensitivity = (after - before).item() / 1e-4
