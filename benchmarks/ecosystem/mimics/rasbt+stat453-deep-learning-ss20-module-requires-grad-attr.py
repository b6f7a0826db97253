# report: https://github.com/rasbt/stat453-deep-learning-ss20/blob/61534929fe671b30e751733577d0c2b5d4898669/L13-cnns-part2/code/vgg16-transferlearning.ipynb
# family: module-misuse
# expect: 15
# runtime: asserts setting requires_grad on the Linear module leaves its weight and bias frozen, so that layer never trains
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 5))
for param in model.parameters():
    param.requires_grad = False

# meant: unfreeze the middle fully connected layer
model[2].requires_grad = True
model[4] = nn.Sequential(nn.Linear(16, 3))
optimizer = torch.optim.Adam(model.parameters())

before = model[2].weight.clone()
x, y = torch.randn(8, 12), torch.randint(0, 3, (8,))
for _ in range(3):
    cost = F.cross_entropy(model(x), y)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

assert not model[2].weight.requires_grad
assert model[2].weight.grad is None
assert torch.equal(before, model[2].weight)  # the "unfrozen" layer did not move
