# report: https://github.com/uvipen/Street-fighter-A3C-ICM-pytorch/blob/63819087ecfb3a414ed613eade7e1d9a0206cd57/src/process.py#L138
# family: optimizer-misuse
# expect: 17 22
# runtime: asserts the local model's gradients are never zeroed: optimizer.zero_grad() sets the global grads to None, so each step pushes the local .grad, which sums every past rollout
import torch
import torch.nn as nn

torch.manual_seed(0)
global_model = nn.Linear(4, 2)
optimizer = torch.optim.SGD(global_model.parameters(), lr=0.0)
local_model = nn.Linear(4, 2)
x = torch.randn(5, 4)
pushed = []
for episode in range(3):
    local_model.load_state_dict(global_model.state_dict())
    total_loss = local_model(x).sum()
    optimizer.zero_grad()
    total_loss.backward()
    for local_param, global_param in zip(local_model.parameters(), global_model.parameters()):
        if global_param.grad is not None:
            break
        global_param._grad = local_param.grad
    pushed.append(global_model.bias.grad.clone())
    optimizer.step()

assert torch.allclose(pushed[0], torch.full((2,), 5.0))
assert torch.allclose(pushed[2], torch.full((2,), 15.0))  # three rollouts' gradients summed
