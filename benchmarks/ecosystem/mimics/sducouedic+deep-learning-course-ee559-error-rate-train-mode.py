# report: https://github.com/sducouedic/deep-learning-course-ee559/blob/f6f643d3ac030b609c3ad00aed5c736c5822a9e0/project1/modelclass.py#L132
# family: module-misuse
# expect: 34
# runtime: asserts the error rate is computed with Dropout and BatchNorm still in training mode: the same data gives different error counts and differs from eval mode
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Baseline(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(20, 16)
        self.bn1 = nn.BatchNorm1d(16)
        self.drop1 = nn.Dropout(0.5)
        self.fc2 = nn.Linear(16, 2)
        self.batch_size = 10

    def forward(self, x):
        x = self.drop1(F.relu(self.bn1(self.fc1(x))))
        return self.fc2(x)

    def _train(self, data, target):
        opt = torch.optim.Adam(self.parameters(), 1e-2)
        for b in range(0, data.size(0), self.batch_size):
            loss = F.cross_entropy(self(data.narrow(0, b, self.batch_size)), target.narrow(0, b, self.batch_size))
            self.zero_grad(); loss.backward(); opt.step()

    def compute_errors(self, data, target):
        errors = 0
        for b in range(0, data.size(0), self.batch_size):
            output = self(data.narrow(0, b, self.batch_size))
            _, pred = torch.max(output, 1)
            errors += (pred != target.narrow(0, b, self.batch_size)).sum().item()
        return errors


model = Baseline()
data, target = torch.randn(40, 20), torch.randint(0, 2, (40,))
model._train(data, target)
runs = [model.compute_errors(data, target) for _ in range(5)]
assert model.training
assert len(set(runs)) > 1, runs
model.eval()
a, b = model.compute_errors(data, target), model.compute_errors(data, target)
assert a == b
