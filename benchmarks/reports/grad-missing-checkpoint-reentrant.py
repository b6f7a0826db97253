# report: https://github.com/Lyken17/pytorch-memonger/issues/4
# family: grad-missing
# expect: 20
# runtime: warns None of the inputs have requires_grad=True. Gradients will be None
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)


class MemoryEfficientNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Sequential(nn.Linear(8, 16), nn.ReLU())
        self.layer2 = nn.Sequential(nn.Linear(16, 16), nn.ReLU())
        self.fc = nn.Linear(16, 2)

    def forward(self, x):
        out = checkpoint(self.layer1, x, use_reentrant=True)
        out = checkpoint(self.layer2, out, use_reentrant=True)
        return self.fc(out)


model = MemoryEfficientNet()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(4, 8), torch.randint(0, 2, (4,))
loss = nn.functional.cross_entropy(model(x), y)
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert model.layer1[0].weight.grad is None and model.fc.weight.grad is not None
