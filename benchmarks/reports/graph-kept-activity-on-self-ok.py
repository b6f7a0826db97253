# report: https://github.com/growingnet/gromo/issues/135
# family: graph-kept
# expect: none
# runtime: runs: the activity is stored detached, so the statistics carry no graph
# twin: graph-kept-activity-on-self.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class MergeModule(nn.Module):
    """Sums its inputs and keeps the activity to compute growth statistics later."""

    def __init__(self, store_activity=True):
        super().__init__()
        self.store_activity = store_activity
        self.activity = None

    def forward(self, *xs):
        y = torch.relu(sum(xs))
        if self.store_activity:
            self.activity = y.detach()
        return y


a, b, merge = nn.Linear(4, 6), nn.Linear(4, 6), MergeModule()
head = nn.Linear(6, 1)
optimizer = torch.optim.SGD([*a.parameters(), *b.parameters(), *head.parameters()], lr=0.1)
for step in range(3):
    x = torch.randn(5, 4)
    loss = head(merge(a(x), b(x))).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
tensor_s = merge.activity.T @ merge.activity / 5
assert merge.activity.grad_fn is None and not tensor_s.requires_grad
