# report: https://github.com/uvipen/Street-fighter-A3C-ICM-pytorch/blob/63819087ecfb3a414ed613eade7e1d9a0206cd57/src/process.py#L44
# family: optimizer-misuse
# expect: 17
# runtime: asserts the worker's ICM is never loaded from the global ICM: the shared optimizer steps global_icm with gradients computed on local_icm, whose weights stay at their initialization forever
import torch
import torch.nn as nn

torch.manual_seed(0)
global_model, global_icm = nn.Linear(4, 2), nn.Linear(4, 4)
optimizer = torch.optim.SGD(list(global_model.parameters()) + list(global_icm.parameters()), lr=0.1)
local_model, local_icm = nn.Linear(4, 2), nn.Linear(4, 4)
local_icm_init = local_icm.weight.detach().clone()
global_icm_init = global_icm.weight.detach().clone()

x, nxt = torch.randn(6, 4), torch.randn(6, 4)
for episode in range(3):
    local_model.load_state_dict(global_model.state_dict())  # only the actor-critic is synced
    total_loss = local_model(x).pow(2).mean() + (local_icm(x) - nxt).pow(2).mean()
    optimizer.zero_grad()
    for p in list(local_model.parameters()) + list(local_icm.parameters()):
        p.grad = None
    total_loss.backward()
    for local_param, global_param in zip(local_model.parameters(), global_model.parameters()):
        global_param._grad = local_param.grad
    for local_param, global_param in zip(local_icm.parameters(), global_icm.parameters()):
        global_param._grad = local_param.grad
    optimizer.step()

assert not torch.equal(global_icm.weight, global_icm_init)  # the global ICM moves
assert torch.equal(local_icm.weight, local_icm_init)  # the ICM the worker uses never does
