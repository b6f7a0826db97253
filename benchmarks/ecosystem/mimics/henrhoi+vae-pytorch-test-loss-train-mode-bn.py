# report: https://github.com/henrhoi/vae-pytorch/blob/0b38e17f14a7e7567e7722a1ae421b5f94206a04/utils.py#L19
# family: module-misuse
# expect: 17
# runtime: asserts the per-epoch test loss runs the BatchNorm model in training mode: test batches overwrite the running statistics and the loss uses batch statistics
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 3, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def get_batched_loss(loader, net, loss_func):
    losses = []
    for batch in loader:
        out = net(batch)
        losses.append(loss_func(batch, out).cpu().item())
    return np.mean(losses)


mse = lambda x, y: ((x - y) ** 2).mean()
train_loader = [torch.rand(4, 3, 6, 6) for _ in range(3)]
test_loader = [torch.rand(4, 3, 6, 6) * 3 + 2 for _ in range(2)]
for batch in train_loader:
    optimizer.zero_grad()
    loss = mse(batch, model(batch))
    loss.backward()
    optimizer.step()
stats_before = model[1].running_mean.clone()
state = {k: v.clone() for k, v in model.state_dict().items()}

test_loss = get_batched_loss(test_loader, model, mse)

assert model.training
assert not torch.allclose(model[1].running_mean, stats_before)
model.load_state_dict(state)
model.eval()
with torch.no_grad():
    eval_loss = np.mean([mse(b, model(b)).item() for b in test_loader])
assert abs(eval_loss - test_loss) > 1e-3
