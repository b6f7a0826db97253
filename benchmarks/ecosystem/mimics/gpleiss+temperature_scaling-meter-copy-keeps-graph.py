# report: https://github.com/gpleiss/temperature_scaling/blob/ce1154ec7d5235eee046f28875c3dd8421f11d45/train.py#L108
# family: graph-kept
# expect: 38
# runtime: asserts the loss meter's running total takes a grad_fn through copy_(loss) and chains every batch's graph
import torch
import torch.nn as nn


class Meter:
    def __init__(self):
        self._total = torch.zeros(1)
        self._last_value = torch.zeros(1)
        self._count = 0.0

    def update(self, data, n=1):
        self._count += n
        if torch.is_tensor(data):
            self._last_value.copy_(data)
        else:
            self._last_value.fill_(data)
        self._total.add_(self._last_value)

    def value(self):
        return self._total / self._count


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
criterion = nn.CrossEntropyLoss()
loss_meter = Meter()
for step in range(3):
    x, y = torch.randn(4, 6), torch.randint(0, 3, (4,))
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    loss_meter.update(loss)

assert loss_meter._total.grad_fn is not None
depth, fn = 0, loss_meter._total.grad_fn
while fn is not None:
    nxt = [f for f, _ in fn.next_functions if f is not None and type(f).__name__ != "AccumulateGrad"]
    depth += 1
    fn = nxt[0] if nxt else None
assert depth >= 6  # the chain of add_/copy_ nodes spans all three batches
