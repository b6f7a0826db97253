# report: https://github.com/rasbt/stat479-deep-learning-ss19/blob/c8bf651b5ddfcf5d077ed04ff7eac0f3f1f3e6bf/L06_pytorch/code/adaline-with-autograd.ipynb
# family: removed-api
# expect: 10
# runtime: raises RuntimeError: Subtraction, the `-` operator, with a bool tensor is not supported
import torch
import torch.nn as nn


def custom_where(cond, x_1, x_2):
    return (cond * x_1) + ((1-cond) * x_2)


torch.manual_seed(0)
X_train = torch.randn(20, 2)
y_train = (X_train.sum(1) > 0).int()
model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    loss = ((model(X_train).view(-1) - y_train.float()) ** 2).mean()
    optimizer.zero_grad(); loss.backward(); optimizer.step()

train_pred = model(X_train).view(-1)
train_acc = torch.mean((custom_where(train_pred > 0.5, 1, 0).int() == y_train).float())
