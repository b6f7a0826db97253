# report: https://github.com/chenxijun1029/DeepFM_with_PyTorch/blob/f12a2ccc3b0d23277112ae0efbf4c08bf0411b58/model/DeepFM.py#L163
# family: module-misuse
# expect: 17
# runtime: asserts training continues in eval mode after the first accuracy check: BatchNorm running stats freeze and dropout is off for the rest of fit()
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.Dropout(0.5), nn.Linear(16, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader_train = [(torch.randn(32, 8) + 3.0, torch.randint(0, 2, (32,)).float()) for _ in range(4)]
loader_val = [(torch.randn(32, 8), torch.randint(0, 2, (32,)).float())]


def check_accuracy(loader, model):
    model.eval()  # set model to evaluation mode, never switched back
    num_correct = 0
    with torch.no_grad():
        for x, y in loader:
            preds = torch.sigmoid(model(x).squeeze(1)) > 0.5
            num_correct += (preds == y.bool()).sum()
    return num_correct


model.train()
modes = []
for t, (x, y) in enumerate(loader_train):
    modes.append(model.training)
    total = model(x).squeeze(1)
    loss = F.binary_cross_entropy_with_logits(total, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if t % 100 == 0:
        check_accuracy(loader_val, model)
    if t == 0:
        stats_after_first = model[1].running_mean.clone()

assert modes == [True, False, False, False]
assert torch.equal(model[1].running_mean, stats_after_first)  # later batches never update the BN statistics
