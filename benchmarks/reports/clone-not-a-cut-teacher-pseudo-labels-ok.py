# report: https://github.com/lhoyer/DAFormer/issues/59
# family: clone-not-a-cut
# expect: none
# runtime: runs: pseudo-labels come from the teacher under no_grad, so the teacher gets no gradient
# twin: clone-not-a-cut-teacher-pseudo-labels.py
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
student = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 4, 1))
teacher = copy.deepcopy(student)  # updated only by EMA
optimizer = torch.optim.SGD(student.parameters(), lr=0.01)

target_img = torch.rand(2, 3, 8, 8)
with torch.no_grad():
    ema_softmax = torch.softmax(teacher(target_img), dim=1)
pseudo_prob, pseudo_label = ema_softmax.max(dim=1)
weight = (pseudo_prob > 0.3).float().mean()
mix_loss = (F.cross_entropy(student(target_img), pseudo_label, reduction="none") * pseudo_prob).mean() * weight
optimizer.zero_grad()
mix_loss.backward()
optimizer.step()
assert teacher[0].weight.grad is None and student[0].weight.grad is not None
