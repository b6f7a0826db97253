# report: https://github.com/Zeleni9/pytorch-wgan/issues/5
# family: non-scalar-backward
# expect: none
# runtime: runs: autograd.grad of the per-sample critic scores is given grad_outputs of their shape
import torch
import torch.nn as nn

torch.manual_seed(0)
D = nn.Sequential(nn.Linear(4, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
d_optimizer = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.999))


def gradient_penalty(critic, real, fake, lam=10.0):
    alpha = torch.rand(real.size(0), 1)
    interpolated = (alpha * real + (1 - alpha) * fake).requires_grad_()
    scores = critic(interpolated)
    grads = torch.autograd.grad(
        outputs=scores, inputs=interpolated,
        grad_outputs=torch.ones_like(scores), create_graph=True, retain_graph=True,
    )[0]
    return lam * ((grads.norm(2, dim=1) - 1) ** 2).mean()


real, fake = torch.randn(6, 4), torch.randn(6, 4)
d_optimizer.zero_grad()
d_loss = D(fake).mean() - D(real).mean() + gradient_penalty(D, real, fake)
d_loss.backward()
d_optimizer.step()
assert D[0].weight.grad is not None
