# report: https://github.com/lenscloth/RKD/blob/0a6c3c0c190722d428322bf71703c0ae86c25242/run_distill.py#L170
# family: optimizer-misuse
# expect: 17
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
student = nn.Linear(6, 4)
teacher = nn.Linear(6, 8)
optimizer = torch.optim.Adam(student.parameters(), lr=1e-4, weight_decay=1e-5)
lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[3], gamma=0.1)
seen = {}


def train(ep):
    lr_scheduler.step()
    student.train()
    teacher.eval()
    seen[ep] = optimizer.param_groups[0]["lr"]
    for _ in range(2):
        x = torch.randn(5, 6)
        e = student(x)
        with torch.no_grad():
            t_e = teacher(x)
        loss = (torch.cdist(e, e) - torch.cdist(t_e, t_e)).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


for epoch in range(1, 5):
    train(epoch)
assert abs(seen[3] - 1e-5) < 1e-12  # epoch 3 already runs at the decayed rate (milestone 3 means after 3 epochs)
