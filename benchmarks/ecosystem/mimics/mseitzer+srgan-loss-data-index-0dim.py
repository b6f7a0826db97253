# report: https://github.com/mseitzer/srgan/blob/70f88fbac26b5a3659847965befea2fdd49eb625/training/adversarial_runner.py#L254
# family: removed-api
# expect: 19
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
disc = nn.Sequential(nn.Flatten(), nn.Linear(12, 1), nn.Sigmoid())
out_fake = disc(torch.rand(4, 3, 2, 2))
out_real = disc(torch.rand(4, 3, 2, 2))

loss_metrics = {}
disc_losses = []
for name in ['gan']:
    loss = F.binary_cross_entropy(out_fake, torch.zeros_like(out_fake)) + F.binary_cross_entropy(out_real, torch.ones_like(out_real))
    disc_losses.append(loss)
    loss_metrics['disc_loss_' + name] = float(loss.data[0])
print(loss_metrics)
