# report: https://github.com/huggingface/accelerate/issues/1299
# family: optimizer-misuse
# expect: none
# runtime: runs: gradient accumulation on purpose: zero_grad only after each accumulated step
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
criterion = nn.MSELoss()
accum_steps = 2
batches = [(torch.randn(4, 3), torch.randn(4, 1)) for _ in range(4)]

optimizer.zero_grad()
fresh = []
for i, (inputs, targets) in enumerate(batches):
    loss = criterion(model(inputs), targets) / accum_steps
    fresh.append(torch.autograd.grad(loss, model.bias, retain_graph=True)[0])
    loss.backward()
    if (i + 1) % accum_steps == 0:
        assert torch.allclose(model.bias.grad, fresh[-1] + fresh[-2])
        optimizer.step()
        optimizer.zero_grad()
        assert model.bias.grad is None
