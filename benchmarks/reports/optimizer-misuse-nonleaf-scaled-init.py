# report: https://github.com/pytorch/pytorch/issues/140469
# family: optimizer-misuse
# expect: 16 18
# runtime: raises ValueError: can't optimize a non-leaf Tensor
# twin: optimizer-misuse-nonleaf-scaled-init-ok.py
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
num_classes, ipc = 3, 2
# Dataset distillation: learn a few synthetic images against a fixed network.
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, num_classes))
net.requires_grad_(False)

image_syn = torch.randn(num_classes * ipc, 1, 4, 4, requires_grad=True) * 0.01
label_syn = torch.arange(num_classes).repeat_interleave(ipc)
optimizer_img = torch.optim.SGD([image_syn], lr=0.1, momentum=0.5)

for it in range(3):
    loss = F.cross_entropy(net(image_syn), label_syn)
    optimizer_img.zero_grad()
    loss.backward()
    optimizer_img.step()
