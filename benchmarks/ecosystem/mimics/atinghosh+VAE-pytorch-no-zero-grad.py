# report: https://github.com/atinghosh/VAE-pytorch/blob/e5365f2ecb6635321b045eb8a21ff57af558a532/simple_main.py#L120
# family: optimizer-misuse
# expect: 30
# runtime: asserts the training loop never calls optimizer.zero_grad(), so every step applies the sum of all previous batches' gradients
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
enc = nn.Linear(10, 4)
dec = nn.Linear(2, 10)
model = nn.ModuleList([enc, dec])
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)


def loss_vae(x):
    h = enc(x)
    mu, logvar = h[:, :2], h[:, 2:]
    z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
    recon = torch.sigmoid(dec(z))
    kld = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(1)
    return (F.binary_cross_entropy(recon, x, reduction='none').sum(1) + kld).mean()


grad_norms = []
for batch_id in range(4):
    x = torch.rand(8, 10)
    loss = loss_vae(x)
    loss.backward()
    optimizer.step()
    grad_norms.append(enc.weight.grad.norm().item())
    # what was applied on this step, vs. this batch's own gradient
print("grad norm seen by each step:", [round(g, 3) for g in grad_norms])
x = torch.rand(8, 10)
fresh = torch.autograd.grad(loss_vae(x), enc.weight)[0].norm().item()
print("one batch's own grad norm:", round(fresh, 3))
assert grad_norms[-1] > 2 * fresh
