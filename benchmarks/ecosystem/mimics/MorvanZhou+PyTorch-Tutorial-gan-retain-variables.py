# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents-notebooks/406_GAN.ipynb
# family: removed-api
# expect: 22
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 5))
D = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())
opt_D = torch.optim.Adam(D.parameters(), lr=1e-4)
opt_G = torch.optim.Adam(G.parameters(), lr=1e-4)
artist_paintings = Variable(torch.rand(4, 5))
G_paintings = G(Variable(torch.randn(4, 3)))
prob_artist0 = D(artist_paintings)
prob_artist1 = D(G_paintings)
D_loss = -torch.mean(torch.log(prob_artist0) + torch.log(1. - prob_artist1))
G_loss = torch.mean(torch.log(1. - prob_artist1))
opt_D.zero_grad()
# retain_variables was renamed retain_graph in 0.2 and later removed
D_loss.backward(retain_variables=True)
opt_D.step()
