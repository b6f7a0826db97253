# report: https://github.com/pytorch/pytorch/issues/97586
# family: detach-alias
# expect: none
# runtime: runs: the metric thresholds a copy of the NumPy array, the probabilities stay intact
# twin: detach-alias-numpy-threshold.py
import torch
import torch.nn as nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(x, y, threshold=0.5):
    probs = torch.sigmoid(model(x))
    expected_loss = nn.functional.binary_cross_entropy(probs, y).item()
    # hard predictions for the F1 metric
    preds = probs.detach().numpy().copy()
    preds[preds >= threshold] = 1.0
    preds[preds < threshold] = 0.0
    tp = (preds * y.numpy()).sum()
    f1 = 2 * tp / max(preds.sum() + y.numpy().sum(), 1.0)
    loss = nn.functional.binary_cross_entropy(probs.clamp(1e-4, 1 - 1e-4), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item(), expected_loss, f1, probs


x, y = torch.randn(5, 6), torch.randint(0, 2, (5, 3)).float()
loss, expected_loss, f1, probs = train_step(x, y)
assert not set(probs.detach().unique().tolist()) <= {0.0, 1.0}
assert abs(loss - expected_loss) < 1e-5
