# report: https://github.com/pytorch/tutorials/pull/188
# family: detach-alias
# expect: 33
# runtime: asserts the "best" weights kept from state_dict() follow the model to its last epoch
# twin: detach-alias-state-dict-best-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
train_x, train_y = torch.randn(12, 4), torch.randint(0, 2, (12,))
val_x, val_y = torch.randn(12, 4), torch.randint(0, 2, (12,))


def evaluate(model):
    with torch.no_grad():
        return criterion(model(val_x), val_y).item()


best_loss, best_epoch, best_model_wts = float("inf"), -1, None
snapshots = []
for epoch in range(15):
    optimizer.zero_grad()
    criterion(model(train_x), train_y).backward()
    optimizer.step()
    val_loss = evaluate(model)
    snapshots.append(model[0].weight.detach().clone())
    if val_loss < best_loss:
        best_loss, best_epoch = val_loss, epoch
        best_model_wts = model.state_dict()

model.load_state_dict(best_model_wts)
assert best_epoch < 14
assert not torch.equal(model[0].weight, snapshots[best_epoch])
assert evaluate(model) > best_loss
