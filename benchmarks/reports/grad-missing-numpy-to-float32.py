# report: https://github.com/pytorch/pytorch/issues/7335
# family: grad-missing
# expect: 15 24
# runtime: raises TypeError: unsupported operand type(s) for *: 'float' and 'NoneType'
# twin: grad-missing-numpy-to-float32-ok.py
import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
device = torch.device("cpu")

# sensor offsets start from a float64 numpy estimate and are fitted in float32
initial = rng.normal(size=3)
offsets = torch.tensor(initial, requires_grad=True).to(device, torch.float32)
readings = torch.randn(32, 3, device=device)
truth = readings + torch.tensor([0.5, -0.2, 0.1], device=device)
lr = 0.1

for step in range(5):
    loss = ((readings + offsets - truth) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        offsets -= lr * offsets.grad
        offsets.grad.zero_()
