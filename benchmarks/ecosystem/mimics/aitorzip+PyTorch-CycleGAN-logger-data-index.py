# report: https://github.com/aitorzip/PyTorch-CycleGAN/blob/67da8f9e2b69bd68763451803c7700aaccc92f18/utils.py#L39
# family: removed-api
# expect: 15 17
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


class RunningLosses:
    def __init__(self):
        self.losses = {}

    def log(self, losses):
        for name, value in losses.items():
            if name not in self.losses:
                self.losses[name] = value.data[0]
            else:
                self.losses[name] += value.data[0]


torch.manual_seed(0)
gen = nn.Conv2d(3, 3, 3, padding=1)
disc = nn.Conv2d(3, 1, 3, padding=1)
opt_g = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
criterion_gan = nn.MSELoss()
criterion_cycle = nn.L1Loss()
logger = RunningLosses()

real_a = torch.randn(1, 3, 8, 8)
opt_g.zero_grad()
fake_b = gen(real_a)
pred = disc(fake_b).mean(dim=(2, 3))
loss_g = criterion_gan(pred, torch.ones_like(pred)) + 10.0 * criterion_cycle(fake_b, real_a)
loss_g.backward()
opt_g.step()
logger.log({'loss_G': loss_g})
