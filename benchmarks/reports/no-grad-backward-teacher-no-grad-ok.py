# report: https://github.com/lenscloth/RKD/issues/16
# family: no-grad-backward
# expect: none
# runtime: runs: only the teacher's forward is under no_grad, the loss keeps the student's graph
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
teacher = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 4)).eval()
student = nn.Sequential(nn.Linear(6, 4))
optimizer = torch.optim.SGD(student.parameters(), lr=0.1)


def angle_loss(student_emb, teacher_emb):
    with torch.no_grad():
        td = teacher_emb.unsqueeze(0) - teacher_emb.unsqueeze(1)
        t_angle = torch.bmm(F.normalize(td, dim=2), F.normalize(td, dim=2).transpose(1, 2))
    sd = student_emb.unsqueeze(0) - student_emb.unsqueeze(1)
    s_angle = torch.bmm(F.normalize(sd, dim=2), F.normalize(sd, dim=2).transpose(1, 2))
    return F.smooth_l1_loss(s_angle, t_angle)


images = torch.randn(5, 6)
with torch.no_grad():
    t_emb = teacher(images)
loss = angle_loss(student(images), t_emb)
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert student[0].weight.grad is not None
assert all(p.grad is None for p in teacher.parameters())
