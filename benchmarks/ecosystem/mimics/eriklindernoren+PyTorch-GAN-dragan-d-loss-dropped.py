# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/dragan/dragan.py#L215
# family: grad-missing
# expect: 34
# runtime: asserts the discriminator steps on the gradient penalty alone: the adversarial loss d_loss never reaches its gradients
import torch
import torch.nn as nn

torch.manual_seed(0)
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1), nn.Sigmoid())
opt_d = torch.optim.Adam(discriminator.parameters(), lr=1e-3)
bce = nn.BCELoss()

real = torch.randn(5, 6)
fake_imgs = torch.randn(5, 6)
valid = torch.ones(5, 1)
fake = torch.zeros(5, 1)


def penalty(x):
    alpha = torch.rand(x.shape)
    inter = (alpha * x + (1 - alpha) * (x + 0.5 * x.std() * torch.rand(x.shape))).requires_grad_(True)
    out = discriminator(inter)
    grads = torch.autograd.grad(out, inter, torch.ones_like(out), create_graph=True)[0]
    return 10 * ((grads.norm(2, dim=1) - 1) ** 2).mean()


opt_d.zero_grad()
real_loss = bce(discriminator(real), valid)
fake_loss = bce(discriminator(fake_imgs), fake)
d_loss = (real_loss + fake_loss) / 2

torch.manual_seed(1)
gradient_penalty = penalty(real)
gradient_penalty.backward()  # only the penalty: d_loss is computed and dropped
stepped = [p.grad.clone() for p in discriminator.parameters()]

# what the penalty alone gives, and what d_loss would have added
for p in discriminator.parameters():
    p.grad = None
torch.manual_seed(1)
penalty(real).backward()
penalty_only = [p.grad.clone() for p in discriminator.parameters()]
d_loss_grads = torch.autograd.grad(d_loss, list(discriminator.parameters()))

assert all(torch.equal(a, b) for a, b in zip(stepped, penalty_only))
assert any(g.abs().sum() > 0 for g in d_loss_grads)
