# report: https://github.com/rasbt/stat479-deep-learning-ss19/blob/c8bf651b5ddfcf5d077ed04ff7eac0f3f1f3e6bf/L17_gans/code/gan-halfcnn-mnist-mode-collapse.ipynb
# family: graph-kept
# expect: 32,33
# runtime: asserts the cost lists store the loss tensors themselves: every entry keeps its grad_fn graph alive for the whole training run
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
generator = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.LeakyReLU(), nn.Linear(8, 6), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(), nn.Linear(8, 1), nn.Sigmoid())
optim_gener = torch.optim.Adam(generator.parameters(), lr=1e-4)
optim_discr = torch.optim.Adam(discriminator.parameters(), lr=1e-4)
discr_costs, gener_costs = [], []
for batch_idx in range(4):
    features = torch.rand(5, 6) * 2 - 1
    valid, fake = torch.ones(5), torch.zeros(5)
    z = torch.zeros(5, 4).uniform_(-1.0, 1.0)
    generated_features = generator(z)
    gener_loss = F.binary_cross_entropy(discriminator(generated_features).view(-1), valid)
    optim_gener.zero_grad()
    gener_loss.backward()
    optim_gener.step()

    real_loss = F.binary_cross_entropy(discriminator(features).view(-1), valid)
    fake_loss = F.binary_cross_entropy(discriminator(generated_features.detach()).view(-1), fake)
    discr_loss = 0.5 * (real_loss + fake_loss)
    optim_discr.zero_grad()
    discr_loss.backward()
    optim_discr.step()

    discr_costs.append(discr_loss)
    gener_costs.append(gener_loss)

assert all(c.requires_grad and c.grad_fn is not None for c in discr_costs + gener_costs)
assert len({id(c.grad_fn) for c in discr_costs}) == 4
