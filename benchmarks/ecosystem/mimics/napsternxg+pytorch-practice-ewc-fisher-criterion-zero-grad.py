# report: https://github.com/napsternxg/pytorch-practice/blob/a48c6aae19c57458e94492e637a38363154f3374/Elastic%20weight%20consolidation.ipynb
# family: optimizer-misuse
# expect: 20
# runtime: asserts criterion.zero_grad() clears nothing (MSELoss has no parameters), so the Fisher diagonal squares running sums of per-sample gradients
import numpy as np
import torch
from torch.autograd import Variable

torch.manual_seed(0)
X = np.random.rand(6).astype("float32")
Y = np.sin(X * 5).astype("float32")
model = torch.nn.Sequential(torch.nn.Linear(1, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1))
criterion = torch.nn.MSELoss()


def get_fisher_matrix(model, criterion, X, Y):
    fisher_matrix = [torch.zeros(p.data.shape) for p in model.parameters()]
    counts = 0
    for x, y in zip(X[:, np.newaxis, np.newaxis], Y[:, np.newaxis]):
        criterion.zero_grad()
        y_pred = model(torch.Tensor(x))
        loss = criterion(y_pred.view(-1), Variable(torch.Tensor(y), requires_grad=False))
        loss.backward()
        for i, p in enumerate(model.parameters()):
            fisher_matrix[i] += torch.pow(p.grad.data, 2)
        counts += 1
    return [k / counts for k in fisher_matrix]


def per_sample_fisher(model, X, Y):
    out = [torch.zeros_like(p) for p in model.parameters()]
    for x, y in zip(X, Y):
        model.zero_grad()
        torch.nn.functional.mse_loss(model(torch.tensor([[x]])).view(-1), torch.tensor([y])).backward()
        for i, p in enumerate(model.parameters()):
            out[i] += p.grad ** 2
    return [k / len(X) for k in out]


model.eval()
fisher = get_fisher_matrix(model, criterion, X, Y)
right = per_sample_fisher(model, X, Y)
assert len(list(criterion.parameters())) == 0
assert not torch.allclose(fisher[0], right[0])  # accumulated gradients were squared
