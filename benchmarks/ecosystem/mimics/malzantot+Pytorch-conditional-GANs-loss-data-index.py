# report: https://github.com/malzantot/Pytorch-conditional-GANs/blob/6e6d6eb3bd6bdc3282ae8d284b85116995e8e174/conditional_dcgan.py#L207
# family: removed-api
# expect: 26 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
model_d = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
model_g = nn.Linear(3, 6)
criterion = nn.BCELoss()
optim_d = torch.optim.SGD(model_d.parameters(), lr=0.01)
optim_g = torch.optim.SGD(model_g.parameters(), lr=0.01)
d_loss = 0.0
g_loss = 0.0
real = torch.rand(4, 6)
optim_d.zero_grad()
errD = criterion(model_d(real), torch.ones(4, 1)) + criterion(model_d(model_g(torch.randn(4, 3)).detach()), torch.zeros(4, 1))
errD.backward()
optim_d.step()
errG = criterion(model_d(model_g(torch.randn(4, 3))), torch.ones(4, 1))
optim_g.zero_grad()
errG.backward()
optim_g.step()
assert errD.dim() == 0
d_loss += errD.data[0]
g_loss += errG.data[0]
