# report: https://github.com/aorursy/lost-nb-2/blob/11ed9347f9b34779fc859dcdbaa5f8c5dde88bff/stavshem_seedlings.py#L158
# family: module-misuse
# expect: 30
# runtime: asserts test() never calls model.eval(): validation runs with dropout active and updates BatchNorm running statistics
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(),
                      nn.Dropout(0.5), nn.Linear(4 * 4 * 4, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
train_loader = [(torch.randn(8, 3, 4, 4), torch.randint(0, 3, (8,)))]
val_loader = [(torch.randn(8, 3, 4, 4) + 3.0, torch.randint(0, 3, (8,)))]


def train(loader):
    model.train()
    for data, target in loader:
        optimizer.zero_grad()
        loss = criterion(model(data), target)
        loss.backward()
        optimizer.step()


def test(loader):
    test_loss, outs = 0.0, []
    for data, target in loader:
        with torch.no_grad():
            output = model(data)
            outs.append(output)
            test_loss += criterion(output, target).item()
    return outs


train(train_loader)
bn = model[1]
mean_before = bn.running_mean.clone()
out_a = test(val_loader)[0]
out_b = test(val_loader)[0]
assert model.training
assert not torch.equal(bn.running_mean, mean_before)  # validation data leaked into BN statistics
assert not torch.allclose(out_a, out_b)  # dropout makes the validation score random
