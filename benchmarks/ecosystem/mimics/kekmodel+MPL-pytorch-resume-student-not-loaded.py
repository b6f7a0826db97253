# report: https://github.com/kekmodel/MPL-pytorch/blob/7dc629702034319eda113aba3b006ba968e8e882/main.py#L605
# family: module-misuse
# expect: 39
# runtime: asserts resuming restores the teacher, the EMA copy and both optimizers but never loads student_state_dict, so the student continues from a fresh random init
import copy
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
teacher = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
student = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
avg_student = copy.deepcopy(student)
s_opt = torch.optim.SGD(student.parameters(), lr=0.5, momentum=0.9)
t_opt = torch.optim.SGD(teacher.parameters(), lr=0.5, momentum=0.9)
for step in range(3):
    x = torch.randn(8, 4)
    pseudo = teacher(x).detach().argmax(1)
    nn.functional.cross_entropy(student(x), pseudo).backward()
    s_opt.step()
    s_opt.zero_grad()
buf = io.BytesIO()
torch.save({"step": 3, "teacher_state_dict": teacher.state_dict(), "student_state_dict": student.state_dict(),
            "avg_state_dict": avg_student.state_dict(), "student_optimizer": s_opt.state_dict(),
            "teacher_optimizer": t_opt.state_dict()}, buf)
buf.seek(0)

torch.manual_seed(1)
teacher2 = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
student2 = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
avg_student2 = copy.deepcopy(student2)
s_opt2 = torch.optim.SGD(student2.parameters(), lr=0.5, momentum=0.9)
t_opt2 = torch.optim.SGD(teacher2.parameters(), lr=0.5, momentum=0.9)
checkpoint = torch.load(buf)
start_step = checkpoint["step"]
t_opt2.load_state_dict(checkpoint["teacher_optimizer"])
s_opt2.load_state_dict(checkpoint["student_optimizer"])
teacher2.load_state_dict(checkpoint["teacher_state_dict"])
avg_student2.load_state_dict(checkpoint["avg_state_dict"])
assert torch.equal(teacher2[0].weight, teacher[0].weight)
assert not torch.allclose(student2[0].weight, student[0].weight)
assert len(s_opt2.state) > 0
