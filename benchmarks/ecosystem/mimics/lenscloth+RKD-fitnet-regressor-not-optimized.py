# report: https://github.com/lenscloth/RKD/blob/0a6c3c0c190722d428322bf71703c0ae86c25242/run_distill_fitnet.py#L152
# family: optimizer-misuse
# expect: 17
# runtime: asserts the FitNet 1x1 regressors get gradients but are not in the optimizer: they stay at their random init while their .grad keeps accumulating
import torch
import torch.nn as nn

torch.manual_seed(0)
student = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
teacher = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
teacher.eval()
# FitNet(in_feature, out_feature): a learnable 1x1 conv mapping student features to teacher width
regressor = nn.Conv2d(4, 8, 1, bias=False)
regressor.weight.data.uniform_(-0.005, 0.005)
init = regressor.weight.detach().clone()

optimizer = torch.optim.Adam(student.parameters(), lr=1e-3, weight_decay=1e-5)
grad_norms = []
for _ in range(4):
    images = torch.randn(2, 3, 6, 6)
    b = student(images)
    with torch.no_grad():
        t_b = teacher(images)
    loss = (regressor(b) - t_b).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    grad_norms.append(regressor.weight.grad.norm().item())

assert torch.equal(regressor.weight, init)  # the regressor never learns
assert grad_norms[-1] > grad_norms[0]  # and its gradient is never zeroed
