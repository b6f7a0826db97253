# report: https://github.com/zhenhuahu/Purdue-Deep-Learning-Course-BME-595-/blob/04a736da02c1062aad434f3bd8c8669f2a28dd95/proj/resNet18_centerCrop.py#L86
# family: optimizer-misuse
# expect: 20
# runtime: asserts the lr schedule is shifted: StepLR.step() at the top of each epoch, before optimizer.step(), warns and decays one epoch early
import warnings
import torch
import torch.nn as nn
from torch.optim import lr_scheduler

torch.manual_seed(0)
model = nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=1.0, momentum=0.9)
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
used = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(4):
        for phase in ["train", "val"]:
            if phase == "train":
                sched.step()
                model.train()
                opt.zero_grad()
                loss = model(torch.randn(3, 4)).pow(2).mean()
                loss.backward()
                opt.step()
                used.append(opt.param_groups[0]["lr"])
            else:
                model.eval()
assert any("lr_scheduler.step()" in str(w.message) for w in caught)
# intended [1, 1, 0.1, 0.1]; the first decay arrives after one epoch instead of two
assert used[1] != 1.0, used
