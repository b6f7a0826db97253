# report: https://github.com/PacktPublishing/Modern-Computer-Vision-with-PyTorch/blob/42963ad37c73a907256e53428394626e22ca690f/Chapter03/Batch_normalization.ipynb
# family: module-misuse
# expect: 28
# runtime: asserts after the first epoch's validation calls model.eval(), every later training step runs BatchNorm in eval mode (running stats frozen)
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(20, 32)
        self.bn = nn.BatchNorm1d(32)
        self.fc2 = nn.Linear(32, 3)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


model = Net()
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)


def train_batch(x, y):
    prediction = model(x)  # no model.train(): mode left over from val_loss
    loss = loss_fn(prediction, y)
    loss.backward()
    opt.step()
    opt.zero_grad()
    return loss.item()


def val_loss(x, y):
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


x, y = torch.randn(16, 20) * 3 + 1, torch.randint(0, 3, (16,))
for epoch in range(3):
    before = model.bn.num_batches_tracked.item()
    train_batch(x, y)
    after = model.bn.num_batches_tracked.item()
    print(epoch, "training mode:", model.training, "bn stats updated:", after > before)
    val_loss(x, y)
assert not model.training
