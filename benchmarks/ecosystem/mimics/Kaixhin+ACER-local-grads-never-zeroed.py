# report: https://github.com/Kaixhin/ACER/blob/c0eae34d96db3b12d522c4c977a41e6a04103dc8/train.py#L40
# family: optimizer-misuse
# expect: 25
# runtime: asserts the worker's local gradients are never zeroed: optimiser.zero_grad() sets the shared .grad (aliased to the local one) to None, so each update pushes the sum of all past gradients
import torch
import torch.nn as nn

torch.manual_seed(0)
shared_model = nn.Linear(3, 1)
model = nn.Linear(3, 1)
optimiser = torch.optim.SGD(shared_model.parameters(), lr=0.0)


def transfer_grads(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


x = torch.randn(5, 3)
pushed = []
for _ in range(3):
    model.load_state_dict(shared_model.state_dict())
    optimiser.zero_grad()  # meant to zero the shared and the local grads
    loss = model(x).sum()
    loss.backward()
    transfer_grads(model, shared_model)
    pushed.append(shared_model.weight.grad.clone())
    optimiser.step()

one = x.sum(0, keepdim=True)
assert torch.allclose(pushed[0], one)
assert torch.allclose(pushed[2], 3 * one)
