# report: https://github.com/microsoft/nni/issues/4521
# family: optimizer-misuse
# expect: 23
# runtime: asserts the replaced layer gets gradients but is never updated: the optimizer holds the old one
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(8, 16), nn.ReLU())
        self.head = nn.Linear(16, 10)

    def forward(self, x):
        return self.head(self.features(x))


torch.manual_seed(0)
model = Classifier()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
# Fine-tune on a 3-class task: swap the head for a smaller one.
model.head = nn.Linear(16, 3)
head_start = model.head.weight.detach().clone()

for _ in range(3):
    x, y = torch.randn(4, 8), torch.randint(0, 3, (4,))
    loss = nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

assert model.head.weight.grad is not None
assert torch.equal(head_start, model.head.weight)
