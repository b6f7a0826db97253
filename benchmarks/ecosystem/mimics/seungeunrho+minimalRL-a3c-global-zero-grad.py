# report: https://github.com/seungeunrho/minimalRL/blob/c8efed8481e3cd40e9739cfde220a55522555b57/a3c.py#L82
# family: optimizer-misuse
# expect: 28
# runtime: asserts the worker's local gradients are never zeroed: the optimizer over the global params sets the aliased .grad to None
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)


global_model = Net()
local_model = Net()
local_model.load_state_dict(global_model.state_dict())
optimizer = torch.optim.SGD(global_model.parameters(), lr=0.0)  # lr 0: the same loss each round
states = torch.randn(3, 4)
pushed = []
for update in range(3):
    optimizer.zero_grad()
    (-torch.log(local_model(states)[:, 0])).mean().backward()
    for global_param, local_param in zip(global_model.parameters(), local_model.parameters()):
        global_param._grad = local_param.grad
    optimizer.step()
    pushed.append(global_model.fc.weight.grad.clone())
    local_model.load_state_dict(global_model.state_dict())

assert torch.allclose(pushed[2], 3 * pushed[0])
