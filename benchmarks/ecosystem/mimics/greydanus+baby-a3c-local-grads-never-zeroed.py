# report: https://github.com/greydanus/baby-a3c/blob/7f9734b96f5f89c27ddf87a642886d9a90883a35/baby-a3c.py#L155
# family: optimizer-misuse
# expect: 19 24
# runtime: asserts the worker model's gradients are never zeroed: shared_optimizer.zero_grad() only sets the shared params' .grad to None, the local .grad it was aliased to keeps accumulating, so each step pushes the sum of all past gradients
import torch
import torch.nn as nn

torch.manual_seed(0)
shared_model = nn.Linear(4, 2)
shared_optimizer = torch.optim.SGD(shared_model.parameters(), lr=0.0)
model = nn.Linear(4, 2)  # the worker's local copy

x = torch.randn(6, 4)
seen = []
for it in range(3):
    model.load_state_dict(shared_model.state_dict())  # sync weights, grads untouched
    out = model(x)
    loss = out.sum()
    shared_optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1e6)
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is None:
            shared_param._grad = param.grad
    seen.append(shared_model.bias.grad.clone())
    shared_optimizer.step()

assert torch.allclose(seen[0], torch.full((2,), 6.0))
assert torch.allclose(seen[2], torch.full((2,), 18.0))  # three iterations summed
