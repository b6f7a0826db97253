# report: https://github.com/pytorch/pytorch/issues/53466
# family: dtype-grad
# expect: none
# runtime: runs: the initial values are float literals, so the parameters are float32
# twin: dtype-grad-int-literal.py
import torch

torch.manual_seed(0)
xs = torch.linspace(0, 3, 8)
ys = 2.0 * xs + 1.0 + 0.05 * torch.randn(8)

slope = torch.tensor([1.], requires_grad=True)
intercept = torch.tensor([0], dtype=torch.float32, requires_grad=True)
optimizer = torch.optim.SGD([slope, intercept], lr=0.05)

for step in range(20):
    optimizer.zero_grad()
    loss = ((slope * xs + intercept - ys) ** 2).mean()
    loss.backward()
    optimizer.step()
assert slope.dtype == torch.float32 and loss.item() < 1.0
