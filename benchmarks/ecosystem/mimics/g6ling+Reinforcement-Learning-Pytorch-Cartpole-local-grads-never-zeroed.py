# report: https://github.com/g6ling/Reinforcement-Learning-Pytorch-Cartpole/blob/ecb7b622cfefe825ac95388cceb6752413d90a2a/parallel/2-A3C/model.py#L72
# family: optimizer-misuse
# expect: 23
# runtime: asserts the worker's local gradients are never cleared: zero_grad on the global optimizer only drops the global .grad, so each push carries the sum of all earlier gradients
import torch
import torch.nn as nn

torch.manual_seed(0)
global_model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
local_model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
# lr=0 keeps the weights fixed so the pushed gradients can be compared across updates
global_optimizer = torch.optim.SGD(global_model.parameters(), lr=0.0)
states = torch.randn(6, 4)
returns = torch.randn(6)


def push_to_global(local, glob, opt):
    out = local(states)
    policy = torch.softmax(out, dim=1)
    value = out[:, 0]
    td = returns - value.detach()
    loss = (-(torch.log(policy[:, 1] + 1e-10)) * td + (returns - value).pow(2)).mean()
    opt.zero_grad()
    loss.backward()
    for lp, gp in zip(local.parameters(), glob.parameters()):
        gp._grad = lp.grad
    opt.step()


pushed = []
for update in range(3):
    local_model.load_state_dict(global_model.state_dict())
    push_to_global(local_model, global_model, global_optimizer)
    pushed.append(global_model[0].weight.grad.clone())

assert torch.allclose(pushed[1], 2 * pushed[0]) and torch.allclose(pushed[2], 3 * pushed[0])
