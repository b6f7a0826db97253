# report: https://github.com/omerbsezer/Fast-Pytorch/blob/6f60db9470dad61a22b0e00ae952e21861cca427/Learning_Pytorch/CNN_Mnist.ipynb
# family: module-misuse
# expect: 23
# runtime: asserts the periodic test accuracy is measured with BatchNorm and Dropout in training mode: repeated passes over the same test set disagree
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(4 * 4 * 4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 10))
loss_function = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
train_load = [(torch.randn(8, 1, 8, 8), torch.randint(0, 10, (8,))) for _ in range(2)]
test_load = [(torch.randn(8, 1, 8, 8), torch.randint(0, 10, (8,))) for _ in range(2)]


def test_accuracy():
    correct, total = 0, 0
    preds = []
    for images, labels in test_load:
        images = Variable(images)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        preds.append(predicted)
        total += labels.size(0)
        correct += (predicted == labels).sum()
    return torch.cat(preds)


for i, (images, labels) in enumerate(train_load):
    optimizer.zero_grad()
    outputs = model(Variable(images))
    loss = loss_function(outputs, Variable(labels))
    loss.backward()
    optimizer.step()

assert model.training
runs = [test_accuracy() for _ in range(4)]
assert any(not torch.equal(runs[0], r) for r in runs[1:])
