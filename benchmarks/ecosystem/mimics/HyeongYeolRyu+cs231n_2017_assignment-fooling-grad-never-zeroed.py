# report: https://github.com/HyeongYeolRyu/cs231n_2017_assignment/blob/a7c81be988c2cb278e100b9071a7c50a834ef28c/assignment3/NetworkVisualization-PyTorch.ipynb
# family: optimizer-misuse
# expect: 23
# runtime: asserts the fooling-image step uses the gradient summed over all earlier iterations because X_fooling_var.grad is never zeroed
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 16), nn.Tanh(), nn.Linear(16, 5))
for p in model.parameters():
    p.requires_grad = False
model.eval()
X = torch.randn(1, 3, 2, 2)
target_y = 3

X_fooling = X.clone()
X_fooling_var = Variable(X_fooling, requires_grad=True)
steps_used, fresh = [], []
for i in range(3):
    scores = model(X_fooling_var)
    scores[0, target_y].backward()
    grad = X_fooling_var.grad.data  # accumulated over every earlier backward
    x_now = X_fooling_var.detach().clone().requires_grad_()
    model(x_now)[0, target_y].backward()
    steps_used.append(grad.clone())
    fresh.append(x_now.grad)
    X_fooling_var.data += 0.1 * grad / grad.norm()

assert torch.allclose(steps_used[0], fresh[0])
assert not torch.allclose(steps_used[2], fresh[2], atol=1e-4)  # stale sum, not this step's gradient
assert torch.allclose(steps_used[2], fresh[0] + fresh[1] + fresh[2], atol=1e-5)
