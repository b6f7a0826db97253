# report: https://github.com/eveningglow/BicycleGAN-pytorch/blob/c4419e04052396e2b3815ed50112236a077c04cb/solver.py#L281
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
D = nn.Linear(6, 1)
real, fake = torch.randn(1, 6), torch.randn(1, 6)
D_loss = nn.MSELoss()(D(real), torch.ones(1, 1)) + nn.MSELoss()(D(fake), torch.zeros(1, 1))
D_loss.backward()
mu, log_variance = torch.randn(1, 2), torch.randn(1, 2)
KL_div = 0.01 * torch.sum(0.5 * (mu ** 2 + torch.exp(log_variance) - log_variance - 1))
img_recon_loss = 10 * torch.mean(torch.abs(fake - real))
epoch, iters = 0, 0
print('[Epoch : %d / Iters : %d] => D_loss : %f / KL_div : %f / img_recon_loss : %f'
      % (epoch, iters, D_loss.data[0], KL_div.data[0], img_recon_loss.data[0]))
