# report: https://github.com/neale/Adversarial-Autoencoder/blob/e1d5dbcc293862aabfcaecb26e8553f0710c04a0/train.py#L166
# family: removed-api
# expect: 16
# runtime: asserts Variable(images, volatile=True) no longer disables autograd: the dev-set critic pass records a graph through the discriminator
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
netD = nn.Sequential(nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, 1))
dev_disc_costs = []
for images in [torch.randn(4, 12) for _ in range(2)]:
    imgs_v = Variable(images, volatile=True)
    D = netD(imgs_v)
    dev_disc_costs.append(-D.mean().cpu().data.numpy())

assert D.requires_grad and D.grad_fn is not None
