# report: https://github.com/pfnet/pytorch-pfn-extras/pull/49
# family: clone-not-a-cut
# expect: 19
# runtime: asserts the reported copies keep every iteration's graph alive
# twin: clone-not-a-cut-reporter-clone-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Reporter:
    def __init__(self):
        self.observations = []

    def report(self, values):
        # keep a private copy so later in-place updates cannot change the log
        self.observations.append({k: v.clone() for k, v in values.items()})


model = nn.Linear(5, 3)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
reporter = Reporter()
for it in range(4):
    x, y = torch.randn(8, 5), torch.randint(0, 3, (8,))
    loss = F.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    reporter.report({"main/loss": loss})
assert all(o["main/loss"].grad_fn is not None for o in reporter.observations)
