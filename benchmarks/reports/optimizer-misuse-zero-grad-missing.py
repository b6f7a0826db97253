# report: https://github.com/IBM/aihwkit/issues/446
# family: optimizer-misuse
# expect: 21 22
# runtime: asserts the second step's gradient still holds the first step's: grads accumulate
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Sigmoid(), nn.Linear(3, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()
x = torch.rand(10, 4)
y = torch.rand(10, 2)

history = []
for epoch in range(2):
    pred = model(x)
    loss = loss_fn(pred, y)
    fresh = torch.autograd.grad(loss, model[0].weight, retain_graph=True)[0]
    before = None if model[0].weight.grad is None else model[0].weight.grad.clone()
    loss.backward()
    opt.step()
    history.append((before, fresh, model[0].weight.grad.clone()))

before, fresh, used = history[1]
assert before is not None
assert torch.allclose(used, before + fresh) and not torch.allclose(used, fresh)
