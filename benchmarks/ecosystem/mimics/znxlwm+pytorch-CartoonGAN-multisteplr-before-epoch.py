# report: https://github.com/znxlwm/pytorch-CartoonGAN/blob/67a872dc6b8184481114a85fa7a8be1b836d1882/CartoonGAN.py#L182
# family: optimizer-misuse
# expect: 22,23
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(6, 6), nn.Tanh())
D = nn.Sequential(nn.Linear(6, 1), nn.Sigmoid())
train_epoch = 4
G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
D_optimizer = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
G_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer=G_optimizer, milestones=[train_epoch // 2, train_epoch // 4 * 3], gamma=0.1)
D_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer=D_optimizer, milestones=[train_epoch // 2, train_epoch // 4 * 3], gamma=0.1)
BCE_loss = nn.BCELoss()
batches = [(torch.randn(3, 6), torch.randn(3, 6)) for _ in range(2)]
lrs = []

for epoch in range(train_epoch):
    G.train()
    G_scheduler.step()
    D_scheduler.step()
    for x, y in batches:
        D_optimizer.zero_grad()
        Disc_loss = BCE_loss(D(y), torch.ones(3, 1)) + BCE_loss(D(G(x).detach()), torch.zeros(3, 1))
        Disc_loss.backward()
        D_optimizer.step()
        G_optimizer.zero_grad()
        Gen_loss = BCE_loss(D(G(x)), torch.ones(3, 1))
        Gen_loss.backward()
        G_optimizer.step()
    lrs.append(G_optimizer.param_groups[0]["lr"])

assert abs(lrs[1] - 2e-5) < 1e-12  # decayed while training epoch 1, not at epoch train_epoch // 2
