# report: https://github.com/amdegroot/ssd.pytorch/blob/5b0b77faa955c1917b0c710d770739ba8fbff9b7/train.py#L183
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
head = nn.Conv2d(3, 4 + 3, kernel_size=1)
optimizer = torch.optim.SGD(head.parameters(), lr=1e-3, momentum=0.9)
images = torch.randn(2, 3, 4, 4)
loc_t = torch.randn(2, 16, 4)
conf_t = torch.randint(0, 3, (2, 16))
loc_loss = 0
out = head(images).permute(0, 2, 3, 1).reshape(2, 16, 7)
optimizer.zero_grad()
loss_l = F.smooth_l1_loss(out[..., :4], loc_t, reduction="sum")
loss_c = F.cross_entropy(out[..., 4:].reshape(-1, 3), conf_t.reshape(-1), reduction="sum")
N = (conf_t > 0).sum()
loss_l /= N
loss_c /= N
(loss_l + loss_c).backward()
optimizer.step()
loc_loss += loss_l.data[0]
