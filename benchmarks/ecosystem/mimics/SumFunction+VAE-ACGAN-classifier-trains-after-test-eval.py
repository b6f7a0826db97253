# report: https://github.com/SumFunction/VAE-ACGAN/blob/360197b251a05520478368ad10bc86318fb9ea1f/VAEACGAN_Train.py#L104
# family: module-misuse
# expect: 33
# runtime: asserts the evaluation helper leaves the classifier in eval mode, so later training epochs run with dropout switched off
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(16, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loader = [(torch.rand(4, 8), torch.randint(0, 2, (4,))) for _ in range(2)]


def evaluate(net, data):
    net.eval()
    with torch.no_grad():
        return sum(F.cross_entropy(net(x), y).item() for x, y in data)


modes = []
dropout_active = []
model.train()
for epoch in range(3):
    for x, y in loader:
        optimizer.zero_grad()
        modes.append(model.training)
        # dropout active means two passes on the same input differ
        with torch.no_grad():
            a, b = model(x), model(x)
        dropout_active.append(not torch.equal(a, b))
        output = model(x)
        loss = F.cross_entropy(output, y)
        loss.backward()
        optimizer.step()
    if epoch % 10 == 0:
        evaluate(model, loader)

assert modes[:2] == [True, True] and not any(modes[2:])
assert all(dropout_active[:2]) and not any(dropout_active[2:])
