# report: https://github.com/pytorch/pytorch/issues/53466
# family: dtype-grad
# expect: 12 13
# runtime: raises RuntimeError: Only Tensors of floating point and complex dtype can require gradients
# twin: dtype-grad-int-literal-ok.py
import torch

torch.manual_seed(0)
xs = torch.linspace(0, 3, 8)
ys = 2.0 * xs + 1.0 + 0.05 * torch.randn(8)

slope = torch.tensor([1], requires_grad=True)
intercept = torch.tensor([0], requires_grad=True)
optimizer = torch.optim.SGD([slope, intercept], lr=0.05)

for step in range(20):
    optimizer.zero_grad()
    loss = ((slope * xs + intercept - ys) ** 2).mean()
    loss.backward()
    optimizer.step()
