# report: https://github.com/SSARCandy/DeepCORAL/blob/200f7c8626236b6d04cab048670b85f14deaa17f/main.py#L78
# family: module-misuse
# expect: 28
# runtime: asserts from the second epoch on training runs with dropout off: test() calls model.eval() and train() never calls model.train()
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(16, 4))
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
data, label = torch.randn(6, 8), torch.tensor([0, 1, 2, 3, 0, 1])
dropout_active = []


def train(model, optimizer):
    dropout_active.append(model.training)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(data), label)
    loss.backward()
    optimizer.step()
    a = model(data)
    b = model(data)
    return not torch.equal(a, b)


def test(model):
    model.eval()
    with torch.no_grad():
        return (model(data).argmax(1) == label).float().mean().item()


stochastic = []
for epoch in range(3):
    stochastic.append(train(model, optimizer))
    test(model)
assert dropout_active == [True, False, False]
assert stochastic == [True, False, False]
