# report: https://github.com/google/brax/pull/152
# family: graph-kept
# expect: 22
# runtime: asserts the running total keeps every step's graph alive
# twin: graph-kept-total-loss-sum-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.MSELoss()
inputs, targets = torch.randn(64, 6), torch.randn(64, 1)

total_loss = 0
for i in range(8):
    optimizer.zero_grad()
    output = model(inputs[i * 8:(i + 1) * 8])
    loss = criterion(output, targets[i * 8:(i + 1) * 8])
    loss.backward()
    optimizer.step()
    total_loss += loss
print(f"mean loss {total_loss / 8:.4f}")
assert total_loss.grad_fn is not None  # a chain of 8 adds, each holding its step's graph
