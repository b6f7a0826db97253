# report: https://github.com/SerK0/StarGAN/blob/f48c3e78c8f4eabbbb62a40b7e70bdeb4179d3ab/stargan.py#L142
# family: optimizer-misuse
# expect: 25
# runtime: asserts clip_grad_norm_ runs on the just-zeroed gradients before backward, so the discriminator step uses unclipped gradients far above the clipping norm of 1
import torch
import torch.nn as nn

torch.manual_seed(0)
D = nn.Sequential(nn.Conv2d(3, 8, 4, 2, 1), nn.LeakyReLU(0.01), nn.Flatten(), nn.Linear(8 * 8 * 8, 1))
G = nn.Sequential(nn.Conv2d(3, 3, 3, padding=1), nn.Tanh())
optimizer_dicriminator = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.999))
clipping = 1.0

for step in range(2):
    real_image = torch.rand(4, 3, 16, 16) * 50
    fake_image = G(real_image).detach()
    alpha = torch.rand(4, 1, 1, 1)
    x_hat = (alpha * real_image + (1 - alpha) * fake_image).requires_grad_(True)
    out_src = D(x_hat)
    dydx = torch.autograd.grad(out_src, x_hat, torch.ones_like(out_src), create_graph=True)[0]
    gp = ((dydx.view(4, -1).norm(dim=1) - 1) ** 2).mean()
    loss = -D(real_image).mean() + D(fake_image).mean() + 10 * gp

    optimizer_dicriminator.zero_grad()
    norm_seen = torch.nn.utils.clip_grad_norm_(D.parameters(), clipping)
    loss.backward()
    total_norm = torch.norm(torch.stack([p.grad.norm() for p in D.parameters()]))
    optimizer_dicriminator.step()

    assert norm_seen == 0  # clipping looked at empty gradients
    assert total_norm > clipping  # the step used unclipped gradients
print("unclipped grad norm used:", total_norm.item())
