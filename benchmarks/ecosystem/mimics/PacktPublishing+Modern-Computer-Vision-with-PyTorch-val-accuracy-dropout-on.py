# report: https://github.com/PacktPublishing/Modern-Computer-Vision-with-PyTorch/blob/42963ad37c73a907256e53428394626e22ca690f/Chapter03/Impact_of_dropout.ipynb
# family: module-misuse
# expect: 26
# runtime: asserts validation accuracy is computed with dropout active (model still in train mode)
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Dropout(0.25), nn.Linear(20, 64), nn.ReLU(), nn.Dropout(0.25), nn.Linear(64, 3))
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)


def train_batch(x, y):
    model.train()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    opt.zero_grad()
    return loss.item()


def accuracy(x, y):
    with torch.no_grad():
        # no model.eval(): dropout still active here
        prediction = model(x)
    return (prediction.argmax(-1) == y).float().tolist()


def val_loss(x, y):
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


x, y = torch.randn(64, 20), torch.randint(0, 3, (64,))
train_batch(x, y)
a1 = accuracy(x, y)
a2 = accuracy(x, y)
print("val accuracy runs differ:", a1 != a2, "training flag:", model.training)
val_loss(x, y)
assert a1 != a2
