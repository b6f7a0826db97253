# report: https://github.com/pytorch/pytorch/issues/39141
# family: gan-step
# expect: 25 27
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
# twin: gan-step-d-step-before-g-backward-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
N_IDEAS, ART = 5, 15
G = nn.Sequential(nn.Linear(N_IDEAS, 32), nn.ReLU(), nn.Linear(32, ART))
D = nn.Sequential(nn.Linear(ART, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid())
opt_D = torch.optim.Adam(D.parameters(), lr=1e-4)
opt_G = torch.optim.Adam(G.parameters(), lr=1e-4)
points = torch.linspace(-1, 1, ART).expand(8, ART)

for step in range(2):
    real = torch.sin(points * 3.14) + 0.02 * torch.randn(8, 1)
    fake = G(torch.randn(8, N_IDEAS))
    prob_real, prob_fake = D(real), D(fake)
    D_loss = -torch.mean(torch.log(prob_real) + torch.log(1.0 - prob_fake))
    G_loss = torch.mean(torch.log(1.0 - prob_fake))
    opt_D.zero_grad()
    D_loss.backward(retain_graph=True)
    opt_D.step()
    opt_G.zero_grad()
    G_loss.backward()
    opt_G.step()
