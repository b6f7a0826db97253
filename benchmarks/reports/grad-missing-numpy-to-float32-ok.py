# report: https://github.com/pytorch/pytorch/issues/7335
# family: grad-missing
# expect: none
# runtime: runs: dtype and device are given to torch.tensor, so the fitted tensor is the leaf
# twin: grad-missing-numpy-to-float32.py
import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = torch.device("cpu")

# sensor offsets start from a float64 numpy estimate and are fitted in float32
initial = rng.normal(size=3)
offsets = torch.tensor(initial, dtype=torch.float32, device=device, requires_grad=True)
readings = torch.randn(32, 3, device=device)
truth = readings + torch.tensor([0.5, -0.2, 0.1], device=device)
lr = 0.1

for step in range(5):
    loss = ((readings + offsets - truth) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        offsets -= lr * offsets.grad
        offsets.grad.zero_()
assert offsets.is_leaf and loss.item() < 2.0
