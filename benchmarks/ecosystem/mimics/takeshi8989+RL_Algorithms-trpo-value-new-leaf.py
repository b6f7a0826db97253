# report: https://github.com/takeshi8989/RL_Algorithms/blob/67123f84034c1b6e1d5f457db9b303c3d0bc06ae/trpo/trpo.py#L176
# family: grad-missing
# expect: 19
# runtime: asserts the value loss is built on torch.tensor(values, requires_grad=True), a new leaf of .item() floats: the value network gets no gradient and value_optimizer.step() never changes it
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
value_function = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
value_optimizer = optim.Adam(value_function.parameters(), lr=3e-4)
before = [p.detach().clone() for p in value_function.parameters()]

states = torch.randn(6, 4)
values = [value_function(s).item() for s in states]
returns = torch.randn(6)

for _ in range(3):
    values_tensor = torch.tensor(values, dtype=torch.float32, requires_grad=True)
    value_loss = ((returns - values_tensor) ** 2).mean()
    value_optimizer.zero_grad()
    value_loss.backward()
    value_optimizer.step()

assert values_tensor.grad is not None
assert all(p.grad is None for p in value_function.parameters())
assert all(torch.equal(a, b) for a, b in zip(before, value_function.parameters()))
