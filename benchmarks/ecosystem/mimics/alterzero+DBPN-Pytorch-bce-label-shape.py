# report: https://github.com/alterzero/DBPN-Pytorch/blob/6eb48caaa1aa6f4897d5c902a4b4f15ff3ac2da7/main_gan.py#L119
# family: removed-api
# expect: 23
# runtime: raises ValueError: Using a target size (torch.Size([2])) that is different to the input size (torch.Size([2, 1]))
import torch
import torch.nn as nn

torch.manual_seed(0)
D = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2, padding=1), nn.BatchNorm2d(4), nn.LeakyReLU(0.2, True),
                  nn.Flatten(), nn.Linear(4 * 4 * 4, 1), nn.Sigmoid())
G = nn.Sequential(nn.Conv2d(3, 3, 3, padding=1), nn.Upsample(scale_factor=2))
BCE_loss = nn.BCELoss()
D_optimizer = torch.optim.Adam(D.parameters(), lr=1e-4)

inp, target = torch.randn(2, 3, 4, 4), torch.randn(2, 3, 8, 8)
minibatch = inp.size()[0]
real_label = torch.ones(minibatch)
fake_label = torch.zeros(minibatch)

D_optimizer.zero_grad()
D_real_decision = D(target)  # shape (minibatch, 1)
# a (B,1) vs (B,) size mismatch was only a deprecation warning in torch 0.4
D_real_loss = BCE_loss(D_real_decision, real_label)
D_fake_loss = BCE_loss(D(G(inp)), fake_label)
(D_real_loss + D_fake_loss).backward()
D_optimizer.step()
