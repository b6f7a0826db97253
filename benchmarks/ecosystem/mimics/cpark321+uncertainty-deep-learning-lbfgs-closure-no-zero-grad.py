# report: https://github.com/cpark321/uncertainty-deep-learning/blob/70392b7efaa7ae2286503e8dc076ea7958a4a860/temperature_scaling.py#L64
# family: optimizer-misuse
# expect: 26
# runtime: asserts the LBFGS closure never zeroes temperature.grad, so every re-evaluation adds to the previous gradient and LBFGS works with accumulated, wrong gradients
import torch
import torch.nn as nn
from torch import optim

torch.manual_seed(0)
logits = torch.randn(64, 10) * 3
labels = torch.randint(0, 10, (64,))
nll_criterion = nn.CrossEntropyLoss()
temperature = nn.Parameter(torch.ones(1) * 1.5)


def temperature_scale(logits):
    return logits / temperature.unsqueeze(1).expand(logits.size(0), logits.size(1))


optimizer = optim.LBFGS([temperature], lr=0.01, max_iter=50)
seen = []


def eval():
    loss = nll_criterion(temperature_scale(logits), labels)
    loss.backward()
    true_grad = torch.autograd.grad(nll_criterion(temperature_scale(logits), labels), temperature)[0]
    seen.append((temperature.grad.clone(), true_grad))
    return loss


optimizer.step(eval)
assert len(seen) > 1
stale = [not torch.allclose(g, t) for g, t in seen[1:]]
assert all(stale)  # from the second evaluation on, .grad is the running sum, not the gradient
