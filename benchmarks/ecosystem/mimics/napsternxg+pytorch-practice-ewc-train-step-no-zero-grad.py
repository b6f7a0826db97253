# report: https://github.com/napsternxg/pytorch-practice/blob/a48c6aae19c57458e94492e637a38363154f3374/Elastic%20weight%20consolidation.ipynb
# family: optimizer-misuse
# expect: 23
# runtime: asserts train_step never zeroes the gradients, so every optimizer step uses the sum of all past gradients
import numpy as np
import torch
from torch.autograd import Variable

torch.manual_seed(0)
X = np.random.rand(10).astype("float32")
Y = np.sin(X * 5).astype("float32")
model = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
criterion = torch.nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
seen = []


def train_step(model, X, Y, criterion, optimizer, clip=10):
    y_pred = model(torch.Tensor(X[:, np.newaxis]))
    loss = criterion(y_pred, Variable(torch.Tensor(Y[:, np.newaxis]), requires_grad=False))
    train_loss = loss.item()
    grads_before = [p.grad.clone() if p.grad is not None else torch.zeros_like(p) for p in model.parameters()]
    loss.backward()
    seen.append((grads_before, [p.grad.clone() for p in model.parameters()]))
    torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
    optimizer.step()
    return train_loss


for epoch in range(3):
    train_step(model, X, Y, criterion, optimizer)

before, after = seen[-1]
assert any(b.abs().sum() > 0 for b in before)  # old gradients were still there when backward ran
