# report: https://github.com/sweetice/Deep-reinforcement-learning-with-pytorch/blob/7b9fac7e5e40ffdc6f7ccb8b0a81e7841370a996/Char02%20Policy%20Gradient/REINFORCE_with_Baseline.py#L118
# family: optimizer-misuse
# expect: 26
# runtime: asserts the baseline network is never updated: its optimizer holds the policy's parameters
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.hidden = nn.Linear(n_in, 8)
        self.head = nn.Linear(8, n_out)

    def forward(self, x):
        return F.softmax(self.head(F.relu(self.hidden(x))), dim=1)


policy = Net(4, 2)
baseline = Net(4, 1)
before = [p.detach().clone() for p in baseline.parameters()]
for ret in [1.0, 0.5, 0.25]:
    value_opt = torch.optim.Adam(policy.parameters(), lr=1e-2)
    value_opt.zero_grad()
    delta = ret - baseline(torch.randn(1, 4))
    value_loss = delta.pow(2).sum()
    value_loss.backward()
    value_opt.step()

assert all(torch.equal(b, p) for b, p in zip(before, baseline.parameters()))
assert all(p.grad is not None for p in baseline.parameters())
