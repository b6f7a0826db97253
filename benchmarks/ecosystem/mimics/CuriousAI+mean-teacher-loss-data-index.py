# report: https://github.com/CuriousAI/mean-teacher/blob/546348ff863c998c26be4339021425df973b4a36/pytorch/main.py#L255
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
student = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 4))
teacher = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 4))
for p in teacher.parameters():
    p.detach_()
optimizer = torch.optim.SGD(student.parameters(), lr=0.1, momentum=0.9)
class_criterion = nn.CrossEntropyLoss(reduction="sum", ignore_index=-1)
history = []
for step in range(3):
    x = torch.randn(6, 8)
    target = torch.tensor([0, 1, -1, -1, 2, 3])
    ema_logit = teacher(x + 0.05 * torch.randn_like(x)).detach()
    logit = student(x)
    minibatch_size = len(target)
    class_loss = class_criterion(logit, target) / minibatch_size
    cons = F.mse_loss(F.softmax(logit, 1), F.softmax(ema_logit, 1), reduction="sum") / minibatch_size
    loss = class_loss + cons
    history.append(class_loss.data[0])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
