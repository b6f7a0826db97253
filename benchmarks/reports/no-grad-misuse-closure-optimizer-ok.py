# report: https://github.com/HomebrewML/HeavyBall/issues/10
# family: no-grad-misuse
# expect: none
# runtime: runs: the no_grad step re-enables grad around the closure
# twin: no-grad-misuse-closure-optimizer.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class SignSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-2):
        super().__init__(params, dict(lr=lr))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    p.add_(p.grad.sign(), alpha=-group["lr"])
        return loss


model = nn.Linear(5, 1)
optimizer = SignSGD(model.parameters())
x, y = torch.randn(8, 5), torch.randn(8, 1)


def closure():
    optimizer.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    return loss


losses = [optimizer.step(closure).item() for step in range(3)]
assert model.weight.grad is not None and len(losses) == 3
