# report: https://github.com/arnabgho/infoGAN-pytorch/blob/60f31010768f3e07010ac60845411a4a41fa1bba/trainer.py#L117
# family: removed-api
# expect: 23
# runtime: raises ValueError: Using a target size (torch.Size([8])) that is different to the input size (torch.Size([8, 1]))
import torch
import torch.nn as nn

torch.manual_seed(0)
bs = 8
front_end = nn.Sequential(nn.Conv2d(1, 16, 4, 2, 1), nn.LeakyReLU(0.1), nn.Conv2d(16, 32, 14))
d_head = nn.Sequential(nn.Conv2d(32, 1, 1), nn.Sigmoid(), nn.Flatten())  # output (bs, 1)
optimD = torch.optim.Adam(list(front_end.parameters()) + list(d_head.parameters()), lr=2e-4, betas=(0.5, 0.99))
criterionD = nn.BCELoss()

real_x = torch.rand(bs, 1, 28, 28)
label = torch.empty(bs)  # (bs,) while D returns (bs, 1)

optimD.zero_grad()
probs_real = d_head(front_end(real_x))
label.fill_(1)
# torch 0.4 only warned and compared element-wise because numel matched;
# now BCELoss refuses a target whose shape differs from the input
loss_real = criterionD(probs_real, label)
loss_real.backward()
optimD.step()
