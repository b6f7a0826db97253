# report: https://github.com/mseitzer/srgan/blob/70f88fbac26b5a3659847965befea2fdd49eb625/training/adversarial_runner.py#L228
# family: removed-api
# expect: 12
# runtime: raises RuntimeError: zero-dimensional tensor (at position 0) cannot be concatenated
import torch
import torch.nn as nn
import torch.nn.functional as F


def update_step(optimizer, losses, weights):
    # each loss is a 0-dim tensor since torch 0.4
    total_loss = torch.sum(torch.cat(losses) * weights)
    optimizer.zero_grad()
    total_loss.backward()
    optimizer.step()
    return total_loss


torch.manual_seed(0)
gen = nn.Linear(6, 6)
opt = torch.optim.Adam(gen.parameters(), lr=1e-4)
x, y = torch.randn(5, 6), torch.randn(5, 6)
out = gen(x)
losses = [F.mse_loss(out, y), F.l1_loss(out, y)]
weights = torch.tensor([1.0, 0.5])
print(update_step(opt, losses, weights).item())
