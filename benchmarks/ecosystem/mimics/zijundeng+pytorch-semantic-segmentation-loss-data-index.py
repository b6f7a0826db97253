# report: https://github.com/zijundeng/pytorch-semantic-segmentation/blob/4a1721f9a3284788336430efb140288096c6dd09/train/voc-fcn/train.py#L121
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
net = nn.Conv2d(3, 4, kernel_size=3, padding=1)
nll = nn.NLLLoss(reduction="sum", ignore_index=255)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
inputs = torch.randn(1, 3, 5, 5)
labels = torch.randint(0, 4, (1, 5, 5))
labels[0, 0, 0] = 255
N = inputs.size(0)

opt.zero_grad()
outputs = net(inputs)
loss = nll(F.log_softmax(outputs, dim=1), labels) / N
loss.backward()
opt.step()
# a summed 2-D NLL loss is 0-dim: the meter update fails
meter_val = loss.data[0]
