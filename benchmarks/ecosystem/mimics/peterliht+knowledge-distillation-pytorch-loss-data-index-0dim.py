# report: https://github.com/peterliht/knowledge-distillation-pytorch/blob/b1e4b6acb8d4e138ad12ba1aac22d5da42a85c10/train.py#L226
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
student = nn.Linear(8, 10)
teacher = nn.Linear(8, 10)
optimizer = torch.optim.SGD(student.parameters(), lr=0.1)
x, y = torch.randn(4, 8), torch.randint(0, 10, (4,))
T, alpha = 4.0, 0.9

out = student(x)
with torch.no_grad():
    t_out = teacher(x)
loss = nn.KLDivLoss(reduction="batchmean")(F.log_softmax(out / T, dim=1), F.softmax(t_out / T, dim=1)) * (alpha * T * T) \
    + F.cross_entropy(out, y) * (1.0 - alpha)
optimizer.zero_grad()
loss.backward()
optimizer.step()
total, steps = 0.0, 0
total += loss.data[0]
steps += 1
print(total / steps)
