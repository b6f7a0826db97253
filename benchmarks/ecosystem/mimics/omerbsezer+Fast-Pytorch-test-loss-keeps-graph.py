# report: https://github.com/omerbsezer/Fast-Pytorch/blob/6f60db9470dad61a22b0e00ae952e21861cca427/Learning_Pytorch/Improved_CNN_Mnist.ipynb
# family: graph-kept
# expect: 32
# runtime: asserts test_loss stores a live loss tensor (with grad_fn) every epoch and its value is twice the last batch loss, not the running sum
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 3))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adadelta(model.parameters(), lr=0.01)
train_load = [(torch.randn(6, 1, 4, 4), torch.randint(0, 3, (6,))) for _ in range(2)]
test_load = [(torch.randn(6, 1, 4, 4), torch.randint(0, 3, (6,))) for _ in range(3)]
test_loss = []
for epoch in range(2):
    model.train()
    for inputs, labels in train_load:
        optimizer.zero_grad()
        loss = loss_fn(model(Variable(inputs)), Variable(labels))
        loss.backward()
        optimizer.step()
    iteration = 0
    loss = 0.0
    model.eval()
    for inputs, labels in test_load:
        outputs = model(Variable(inputs))
        loss = loss_fn(outputs, Variable(labels))
        last = loss.item()
        loss += loss.item()
        iteration += 1
    test_loss.append(loss / iteration)

assert all(t.grad_fn is not None for t in test_loss)
assert abs(test_loss[-1].item() - 2 * last / iteration) < 1e-6
