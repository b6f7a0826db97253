# report: https://github.com/WMD-group/SMACT/pull/601
# family: detach-alias
# expect: 27
# runtime: asserts a dict .copy() of state_dict() still shares the parameter tensors, so early stopping restores the last weights
import torch
import torch.nn as nn

torch.manual_seed(0)


def fit(model, train, val, epochs=30, patience=3, lr=0.05):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    best_val_loss, best_state_dict, best_weight = float("inf"), None, None
    epochs_without_improvement = 0
    for epoch in range(epochs):
        model.train()
        optimizer.zero_grad()
        loss_fn(model(train[0]), train[1]).backward()
        optimizer.step()

        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(val[0]), val[1]).item()
        if val_loss < best_val_loss:
            best_val_loss = val_loss
            best_state_dict = model.state_dict().copy()
            best_weight = model[0].weight.detach().clone()
            epochs_without_improvement = 0
        else:
            epochs_without_improvement += 1
            if epochs_without_improvement >= patience:
                break
    model.load_state_dict(best_state_dict)
    return model, best_val_loss, best_weight


model = nn.Sequential(nn.Linear(3, 32), nn.ReLU(), nn.Linear(32, 1))
train = (torch.randn(8, 3), torch.randn(8, 1))
val = (torch.randn(8, 3), torch.randn(8, 1))
model, best_val_loss, best_weight = fit(model, train, val)
assert not torch.equal(model[0].weight, best_weight)
with torch.no_grad():
    assert nn.functional.mse_loss(model(val[0]), val[1]).item() > best_val_loss
