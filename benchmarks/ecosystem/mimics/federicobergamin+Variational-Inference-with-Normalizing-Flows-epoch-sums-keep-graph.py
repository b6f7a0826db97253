# report: https://github.com/federicobergamin/Variational-Inference-with-Normalizing-Flows/blob/09c3702a4ae04d044bc9bfefa20de5078a44caab/MNIST_experiment.py#L145
# family: graph-kept
# expect: 28,29,30
# runtime: asserts the per-batch bound and the epoch sums are stored as graph-carrying tensors, chaining every batch's graph together for the whole epoch
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
enc = nn.Linear(16, 4)
dec = nn.Sequential(nn.Linear(2, 16), nn.Sigmoid())
optimizer = torch.optim.RMSprop(list(enc.parameters()) + list(dec.parameters()), lr=1e-5, momentum=0.9)
training_loss = []
tmp_recon, tmp_kl = 0, 0
n_batches = 4
for i in range(n_batches):
    images = torch.rand(5, 16).bernoulli()
    mu, log_var = enc(images).chunk(2, dim=1)
    z = mu + torch.exp(0.5 * log_var) * torch.randn_like(mu)
    reconstruction = dec(z)
    likelihood = -F.binary_cross_entropy(reconstruction, images, reduction="sum")
    kl = torch.sum(-0.5 * (1 + log_var - mu ** 2 - log_var.exp()))
    bound = torch.sum(likelihood) - kl
    L = -bound / len(images)
    L.backward()
    optimizer.step()
    optimizer.zero_grad()
    training_loss.append(-bound / len(images))
    tmp_recon += torch.sum(likelihood)
    tmp_kl += kl


def chain_depth(t):
    depth, fn = 0, t.grad_fn
    while fn is not None and type(fn).__name__ == "AddBackward0":
        depth += 1
        fn = fn.next_functions[0][0]
    return depth


assert all(t.requires_grad for t in training_loss)
assert tmp_recon.requires_grad and tmp_kl.requires_grad
assert chain_depth(tmp_recon) == n_batches and chain_depth(tmp_kl) == n_batches
