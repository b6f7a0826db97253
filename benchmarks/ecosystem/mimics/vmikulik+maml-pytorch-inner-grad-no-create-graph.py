# report: https://github.com/vmikulik/maml-pytorch/blob/f4a6c070d10f9fa3005d446cad38bba5f12f1308/MAML-Sines.ipynb
# family: grad-missing
# expect: 28
# runtime: asserts the meta-gradient lacks the second-order term of the inner update
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(1, 8), nn.ReLU(), nn.Linear(8, 1))
weights = list(net.parameters())
criterion = nn.MSELoss()
inner_lr, K = 0.01, 10
X, y = torch.randn(K, 1), torch.randn(K, 1)
Xq, yq = torch.randn(K, 1), torch.randn(K, 1)


def parameterised(x, w):
    return F.linear(F.relu(F.linear(x, w[0], w[1])), w[2], w[3])


def meta_grad(second_order):
    temp = [w.clone() for w in weights]
    loss = criterion(parameterised(X, temp), y) / K
    if second_order:
        grad = torch.autograd.grad(loss, temp, create_graph=True)
    else:
        grad = torch.autograd.grad(loss, temp)
    temp = [w - inner_lr * g for w, g in zip(temp, grad)]
    q = criterion(parameterised(Xq, temp), yq) / K
    return torch.autograd.grad(q, weights)


repo = meta_grad(False)
maml = meta_grad(True)
assert not all(torch.allclose(a, b, atol=1e-9) for a, b in zip(repo, maml)), "same meta-gradient"
print(max((a - b).abs().max().item() for a, b in zip(repo, maml)))
