# report: https://github.com/pytorch/pytorch/issues/1760
# family: grad-missing
# expect: none
# runtime: runs: retain_grad() on the stored non-leaf activation fills its .grad
# twin: grad-missing-stored-activation.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc0 = nn.Linear(3, 5)
        self.fc1 = nn.Linear(5, 2)

    def forward(self, parts):
        x = torch.cat(parts)
        self.y = x
        self.y.retain_grad()
        return self.fc1(torch.relu(self.fc0(self.y)))


model = Net()
parts = [torch.randn(2, 3, requires_grad=True) for _ in range(3)]
output = model(parts)
output[0, 0].backward()
input_importance = model.y.grad
assert input_importance is not None and input_importance.shape == (6, 3)
assert parts[0].grad is not None
