# report: https://github.com/Natsu6767/InfoGAN-PyTorch/blob/4586919f2821b9b2e4aeff8a07c5003a5905c7f9/train.py#L146
# family: removed-api
# expect: 18
# runtime: raises RuntimeError: Found dtype Long but expected Float
import torch
import torch.nn as nn

torch.manual_seed(0)
body = nn.Sequential(nn.Conv2d(1, 4, 4, 2, 1), nn.LeakyReLU(0.1, True))
d_head = nn.Sequential(nn.Conv2d(4, 1, 4), nn.Sigmoid())
optD = torch.optim.Adam(list(body.parameters()) + list(d_head.parameters()))
criterionD = nn.BCELoss()
real_label = 1
real_data = torch.rand(3, 1, 8, 8)
b_size = real_data.size(0)

optD.zero_grad()
label = torch.full((b_size, ), real_label)  # int fill value: int64 since torch 1.7
probs_real = d_head(body(real_data)).view(-1)
loss_real = criterionD(probs_real, label)
loss_real.backward()
optD.step()
