# report: https://github.com/furkanu/deeplearning.ai-pytorch/blob/96c996c7c0653f68b26647dc1cef13b6bc5192c1/4-%20Convolutional%20Neural%20Networks/Week%202/KerasTutorial%20(Done)/Happy%20House.ipynb
# family: module-misuse
# expect: 28
# runtime: asserts epochs after the first train with BatchNorm in eval mode: the accuracy helper calls eval() and train() is only called once before the epoch loop
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True),
                      nn.Flatten(), nn.Linear(4 * 6 * 6, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = [(torch.randn(8, 3, 6, 6) + 2.0, torch.randint(0, 2, (8,)).float()) for _ in range(2)]


def get_accuracy(model, loader):
    model.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for x, y in loader:
            pred = (torch.sigmoid(model(x)).view(-1) >= 0.5).float()
            correct += (pred == y).sum().item()
            total += x.size(0)
    return correct / total


def train(model, loader, epochs=3):
    model.train()
    modes, stats = [], []
    for epoch in range(epochs):
        for x, y in loader:
            modes.append(model.training)
            before = model[1].running_mean.clone()
            y_pred = model(x)
            optimizer.zero_grad()
            loss = loss_fn(y_pred.view(-1), y.view(-1))
            loss.backward()
            optimizer.step()
            stats.append(not torch.equal(before, model[1].running_mean))
        get_accuracy(model, loader)
    return modes, stats


modes, stats = train(model, loader)
assert modes[:2] == [True, True]
assert not any(modes[2:]), "epochs 2 and 3 ran in eval mode"
assert not any(stats[2:]), "BatchNorm running stats froze after epoch 1"
