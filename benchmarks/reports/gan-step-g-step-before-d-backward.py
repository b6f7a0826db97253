# report: https://github.com/xaggi/OGNet/issues/8
# family: gan-step
# expect: 23 26
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
g = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 10))  # denoising generator
d = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 1))
g_optim = torch.optim.Adam(g.parameters(), lr=1e-3)
d_optim = torch.optim.Adam(d.parameters(), lr=1e-3)

for batch in range(2):
    clean = torch.randn(4, 10)
    g_optim.zero_grad()
    d_optim.zero_grad()
    g_output = g(clean + 0.3 * torch.randn(4, 10))
    d_fake = d(g_output)
    d_real = d(clean)
    g_loss = F.mse_loss(g_output, clean) + F.softplus(-d_fake).mean()
    d_loss = F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
    g_loss.backward(retain_graph=True)
    g_optim.step()
    d_loss.backward()
    d_optim.step()
