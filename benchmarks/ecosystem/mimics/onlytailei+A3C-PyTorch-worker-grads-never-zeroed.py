# report: https://github.com/onlytailei/A3C-PyTorch/blob/5400de41fda7b8a8d7fe14d867a84b27cf550007/A3C.py#L201
# family: optimizer-misuse
# expect: 26
# runtime: asserts the worker's gradients are never zeroed: the master optimizer's zero_grad drops the shared alias, the local grads keep summing
import torch
import torch.nn as nn

torch.manual_seed(0)
shared_model = nn.Linear(5, 3)
local_model = nn.Linear(5, 3)
master_optim = torch.optim.Adam(shared_model.parameters(), lr=0.0)  # lr 0 keeps the weights, so gradients compare
rollout = torch.randn(7, 5)


def ensure_shared_grads(model, shared):
    for param, shared_param in zip(model.parameters(), shared.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


pushed = []
for loop in range(3):
    local_model.load_state_dict(shared_model.state_dict())
    loss_all = local_model(rollout).pow(2).mean()
    master_optim.zero_grad()
    loss_all.backward()
    ensure_shared_grads(local_model, shared_model)
    pushed.append(shared_model.weight.grad.clone())
    master_optim.step()

# the same rollout each time, yet the pushed gradient is 1x, 2x, 3x the first
assert torch.allclose(pushed[2], 3 * pushed[0])
