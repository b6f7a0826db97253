# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents/406_conditional_GAN.py#L81
# family: gan-step
# expect: 29 32
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
N_IDEAS, ART = 3, 5
G = nn.Sequential(nn.Linear(N_IDEAS + 1, 8), nn.ReLU(), nn.Linear(8, ART))
D = nn.Sequential(nn.Linear(ART + 1, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())
opt_D = torch.optim.Adam(D.parameters(), lr=1e-3)
opt_G = torch.optim.Adam(G.parameters(), lr=1e-3)

paintings = torch.rand(4, ART)
labels = (torch.rand(4, 1) > 0.5).float()
G_ideas = torch.randn(4, N_IDEAS)
G_paintings = G(torch.cat((G_ideas, labels), 1))
prob_artist0 = D(torch.cat((paintings, labels), 1))
prob_artist1 = D(torch.cat((G_paintings, labels), 1))

D_score0 = torch.log(prob_artist0)
D_score1 = torch.log(1. - prob_artist1)
D_loss = -torch.mean(D_score0 + D_score1)
G_loss = torch.mean(D_score1)

opt_D.zero_grad()
D_loss.backward(retain_graph=True)
opt_D.step()  # D's weights change in place; G_loss's graph saved the old ones

opt_G.zero_grad()
G_loss.backward()
opt_G.step()
