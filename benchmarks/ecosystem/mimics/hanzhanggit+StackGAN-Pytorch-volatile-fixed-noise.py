# report: https://github.com/hanzhanggit/StackGAN-Pytorch/blob/e72ef88446e7bcd84a7b88060053edad72fecf6a/code/trainer.py#L124
# family: removed-api
# expect: 16
# runtime: asserts volatile=True is ignored: the sample images generated from fixed_noise carry a graph through netG
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
batch_size, nz = 4, 5
netG = nn.Sequential(nn.Linear(nz + 3, 8), nn.BatchNorm1d(8), nn.ReLU(True), nn.Linear(8, 6), nn.Tanh())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fixed_noise = Variable(torch.FloatTensor(batch_size, nz).normal_(0, 1), volatile=True)
txt_embedding = torch.randn(batch_size, 3)
fake = netG(torch.cat([txt_embedding, fixed_noise], 1))
assert any("volatile" in str(w.message) for w in caught)
assert fake.grad_fn is not None and fake.requires_grad
