# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/began/began.py#L196
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
autoencoder = nn.Sequential(nn.Linear(6, 3), nn.ReLU(), nn.Linear(3, 6))
opt = torch.optim.Adam(autoencoder.parameters(), lr=1e-3)
real = torch.randn(4, 6)
fake = torch.randn(4, 6)
gamma, k = 0.75, 0.0

opt.zero_grad()
d_loss_real = torch.mean(torch.abs(autoencoder(real) - real))
d_loss_fake = torch.mean(torch.abs(autoencoder(fake) - fake))
(d_loss_real - k * d_loss_fake).backward()
opt.step()
diff = torch.mean(gamma * d_loss_real - d_loss_fake)
k = min(max(k + 0.001 * diff.item(), 0), 1)
convergence = (d_loss_real + torch.abs(diff)).data[0]  # the sum is 0-dim: no element 0
