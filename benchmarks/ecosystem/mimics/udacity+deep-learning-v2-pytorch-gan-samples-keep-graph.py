# report: https://github.com/udacity/deep-learning-v2-pytorch/blob/c9404fc86181fc3f0906b368697268257f348535/dcgan-svhn/DCGAN_Solution.ipynb
# family: graph-kept
# expect: 36 37
# runtime: asserts every epoch's fixed-z sample kept in the samples list holds the generator's autograd graph for the whole run
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
np.random.seed(0)
z_size = 4
G = nn.Sequential(nn.Linear(z_size, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 6), nn.Tanh())
D = nn.Sequential(nn.Linear(6, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
d_opt = torch.optim.Adam(D.parameters(), 2e-4, [0.5, 0.999])
g_opt = torch.optim.Adam(G.parameters(), 2e-4, [0.5, 0.999])
crit = nn.BCEWithLogitsLoss()
fixed_z = torch.from_numpy(np.random.uniform(-1, 1, size=(5, z_size))).float()
samples = []
real = torch.rand(5, 6) * 2 - 1

for epoch in range(3):
    d_opt.zero_grad()
    z = torch.from_numpy(np.random.uniform(-1, 1, size=(5, z_size))).float()
    fake = G(z)
    d_loss = crit(D(real).squeeze(), torch.ones(5)) + crit(D(fake).squeeze(), torch.zeros(5))
    d_loss.backward()
    d_opt.step()

    g_opt.zero_grad()
    z = torch.from_numpy(np.random.uniform(-1, 1, size=(5, z_size))).float()
    g_loss = crit(D(G(z)).squeeze(), torch.ones(5))
    g_loss.backward()
    g_opt.step()

    G.eval()
    samples_z = G(fixed_z)
    samples.append(samples_z)
    G.train()

assert all(s.grad_fn is not None for s in samples)  # three generator graphs still alive

