# report: https://github.com/andrewliao11/pytorch-a3c-mujoco/blob/eed6523500cbb83bb048e14e5d00096d2367165f/train.py#L120
# family: optimizer-misuse
# expect: 28
# runtime: asserts the worker pushes the sum of all past gradients: optimizer.zero_grad() nulls the shared .grad instead of zeroing the aliased local one
import torch
import torch.nn as nn
import torch.optim as optim


def ensure_shared_grads(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


torch.manual_seed(0)
shared_model = nn.Linear(3, 1)
shared_model.share_memory()
optimizer = optim.Adam(shared_model.parameters(), lr=1e-4)
model = nn.Linear(3, 1)
model.train()
x = torch.tensor([[1.0, 2.0, 3.0]])
pushed = []
for it in range(3):
    model.load_state_dict(shared_model.state_dict())
    loss = (model(x) - 0.0).sum()  # d loss / d weight == x whatever the weights
    optimizer.zero_grad()
    loss.backward()
    ensure_shared_grads(model, shared_model)
    pushed.append(shared_model.weight.grad.clone())
    optimizer.step()
assert torch.allclose(pushed[0], x)
assert torch.allclose(pushed[2], 3 * x)  # stale gradients of earlier rollouts are re-applied
