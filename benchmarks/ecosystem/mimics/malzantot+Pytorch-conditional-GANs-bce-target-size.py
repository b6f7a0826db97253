# report: https://github.com/malzantot/Pytorch-conditional-GANs/blob/6e6d6eb3bd6bdc3282ae8d284b85116995e8e174/conditional_dcgan.py#L169
# family: removed-api
# expect: 19
# runtime: raises ValueError: Using a target size
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model_d = nn.Linear(6, 1)
criterion = nn.BCELoss()
optim_d = torch.optim.SGD(model_d.parameters(), lr=0.01)
batch_size = 4
label = torch.FloatTensor(8)
x = torch.rand(batch_size, 6)
label.resize_(batch_size).fill_(1)
output = F.sigmoid(model_d(x))
optim_d.zero_grad()
errD_real = criterion(output, label)
errD_real.backward()
