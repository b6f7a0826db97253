# report: https://github.com/Coderx7/A-Quick-and-Simple-Pytorch-Tutorial/blob/19327e82a083665d05f2d60fb190f868d4ac5d0e/basic_Pytorch_introduction_NeuralNetworks.py#L1399
# family: module-misuse
# expect: 26
# runtime: asserts every epoch after the first trains the BatchNorm network in eval mode, because validation() calls eval() and train() sits before the epoch loop
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
train_loader = [(torch.randn(4, 3, 6, 6), torch.randint(0, 3, (4,))) for _ in range(2)]
test_loader = [(torch.randn(4, 3, 6, 6), torch.randint(0, 3, (4,)))]


def validation(model, loader):
    loss_total = 0.0
    with torch.no_grad():
        for imgs, labels in loader:
            model.eval()
            loss_total += criterion(model(imgs), labels).item()
    return loss_total


def training(model, epochs):
    model.train()
    modes = []
    for e in range(epochs):
        for imgs, labels in train_loader:
            modes.append(model.training)
            loss = criterion(model(imgs), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        validation(model, test_loader)
    return modes


modes = training(model, 3)
assert modes[:2] == [True, True]
assert not any(modes[2:])
