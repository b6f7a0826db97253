# report: https://github.com/pytorch/pytorch/issues/2940
# family: inplace-leaf
# expect: 17
# runtime: raises RuntimeError: a leaf Variable that requires grad is being used in an in-place operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 3))


def pgd_attack(model, x, y, eps=0.1, alpha=0.03, steps=3):
    """Projected gradient ascent on the input, from a random start inside the ball."""
    x_adv = x.clone().detach().requires_grad_(True)
    x_adv.add_(torch.empty_like(x_adv).uniform_(-eps, eps))
    for _ in range(steps):
        loss = F.cross_entropy(model(x_adv), y)
        (grad,) = torch.autograd.grad(loss, x_adv)
        with torch.no_grad():
            x_adv += alpha * grad.sign()
            x_adv.copy_(torch.min(torch.max(x_adv, x - eps), x + eps))
    return x_adv.detach()


x, y = torch.randn(4, 10), torch.randint(0, 3, (4,))
adv = pgd_attack(model, x, y)
