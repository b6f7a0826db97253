# report: https://github.com/pytorch/pytorch/issues/140469
# family: grad-missing
# expect: 14 16
# runtime: raises ValueError: can't optimize a non-leaf Tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
num_classes, ipc, channel, size = 3, 2, 1, 6
net = nn.Sequential(nn.Flatten(), nn.Linear(channel * size * size, num_classes))

# synthetic images for dataset distillation, started small around zero
image_syn = torch.randn(num_classes * ipc, channel, size, size, requires_grad=True) * 0.01
label_syn = torch.arange(num_classes).repeat_interleave(ipc)
optimizer_img = torch.optim.SGD([image_syn], lr=0.1, momentum=0.5)

for it in range(3):
    loss = F.cross_entropy(net(image_syn), label_syn)
    optimizer_img.zero_grad()
    loss.backward()
    optimizer_img.step()
