# report: https://github.com/pytorch/pytorch/issues/95110
# family: dtype-grad
# expect: 18
# runtime: raises RuntimeError: only Tensors of floating point and complex dtype can require gradients
# twin: dtype-grad-max-indices-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 10), nn.ReLU(), nn.Linear(10, 4))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(5, 6)
grades = torch.tensor([0.0, 3.0, 1.0, 2.0, 3.0])

out = model(x)
_, predicted = torch.max(out, 1)
predicted.requires_grad = True
loss = F.mse_loss(predicted.float(), grades)
optimizer.zero_grad()
loss.backward()
optimizer.step()
