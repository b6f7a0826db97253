# report: https://github.com/pytorch/pytorch/issues/7844
# family: optimizer-misuse
# expect: none
# runtime: runs: Module.to() converts parameters in place, so an optimizer built before it still trains them
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
model = model.to(torch.float64)
assert optimizer.param_groups[0]["params"][0] is model[0].weight

x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
for _ in range(3):
    before = model[2].weight.detach().clone()
    loss = nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    assert not torch.equal(before, model[2].weight)
