# report: https://github.com/BaiTheBest/SparseLLM/issues/13
# family: inplace-leaf
# expect: 19
# runtime: raises RuntimeError: a leaf Variable that requires grad is being used in an in-place operation
# twin: inplace-leaf-manual-sgd-step-ok.py
import torch

torch.manual_seed(0)


def refine_scaling(weight, inputs, targets, steps=3, lr=0.1):
    """Fit per-column scales s so that (inputs * s) @ weight matches the dense output."""
    s = torch.ones(inputs.shape[1], requires_grad=True)
    history = []
    for _ in range(steps):
        loss = ((inputs * s) @ weight - targets).pow(2).mean()
        loss.backward()
        history.append(loss.item())
        s -= lr * s.grad
        s.grad.zero_()
    return s.detach(), history


weight = torch.randn(6, 4)
inputs = torch.randn(10, 6)
targets = inputs @ weight + 0.01 * torch.randn(10, 4)
scales, history = refine_scaling(weight, inputs, targets)
