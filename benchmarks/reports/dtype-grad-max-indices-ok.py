# report: https://github.com/pytorch/pytorch/issues/95110
# family: dtype-grad
# expect: none
# runtime: runs: the loss uses the expected grade under the softmax; torch.max's indices only feed accuracy
# twin: dtype-grad-max-indices.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 10), nn.ReLU(), nn.Linear(10, 4))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(5, 6)
grades = torch.tensor([0.0, 3.0, 1.0, 2.0, 3.0])
levels = torch.arange(4, dtype=torch.float32)

out = model(x)
top_prob, predicted = torch.max(out.softmax(dim=1), 1)
expected = (out.softmax(dim=1) * levels).sum(dim=1)
loss = F.mse_loss(expected, grades)
accuracy = (predicted.float() == grades).float().mean().item()
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert top_prob.requires_grad and not predicted.requires_grad
