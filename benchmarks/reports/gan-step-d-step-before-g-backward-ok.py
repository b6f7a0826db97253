# report: https://github.com/pytorch/pytorch/issues/39141
# family: gan-step
# expect: none
# runtime: runs: D trains on a detached fake, then G's loss goes through the updated D in a fresh forward
# twin: gan-step-d-step-before-g-backward.py
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
    D_loss = -torch.mean(torch.log(D(real)) + torch.log(1.0 - D(fake.detach())))
    opt_D.zero_grad()
    D_loss.backward()
    opt_D.step()
    G_loss = torch.mean(torch.log(1.0 - D(fake)))
    opt_G.zero_grad()
    G_loss.backward()
    opt_G.step()
assert G[0].weight.grad is not None
