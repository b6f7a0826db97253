# report: https://androidkt.com/how-to-copy-pytorch-tensor-using-clone-detach-and-deepcopy/
# family: clone-not-a-cut
# expect: none
# runtime: runs: the clone is meant to pass gradient; it only shields the saved features from an in-place mask
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Linear(6, 8)
head = nn.Linear(8, 1)
optimizer = torch.optim.SGD([*encoder.parameters(), *head.parameters()], lr=0.1)

for step in range(2):
    x = torch.randn(4, 6)
    features = torch.tanh(encoder(x))  # tanh saves its output for backward
    masked = features.clone()
    masked[:, :2] = 0.0  # drop two feature channels for the head only
    loss = head(masked).pow(2).mean() + 1e-2 * features.pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert encoder.weight.grad is not None and encoder.weight.grad.abs().sum() > 0
