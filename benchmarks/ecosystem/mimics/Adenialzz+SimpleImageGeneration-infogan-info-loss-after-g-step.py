# report: https://github.com/Adenialzz/SimpleImageGeneration/blob/08359153d5d24d70dc912c93137ba8a0d02e1873/gan/basic_gans/infoGAN.py#L230
# family: inplace-saved-tensor
# expect: 32
# runtime: raises RuntimeError: modified by an inplace operation
import itertools
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(6, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 8), nn.Tanh())
D_body = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.2))
D_head = nn.Linear(16, 1 + 2 + 3)
G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)
D_params = list(D_body.parameters()) + list(D_head.parameters())
info_optimizer = torch.optim.Adam(itertools.chain(G.parameters(), D_params), lr=2e-4)
bce, ce, mse = nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss(), nn.MSELoss()

z = torch.rand(4, 1)
y_cont = torch.rand(4, 2) * 2 - 1
y_disc = torch.eye(3)[torch.randint(0, 3, (4,))]
G_optimizer.zero_grad()
G_ = G(torch.cat([z, y_cont, y_disc], 1))
out = D_head(D_body(G_))
D_fake, D_cont, D_disc = out[:, :1], out[:, 1:3], out[:, 3:]
G_loss = bce(D_fake, torch.ones(4, 1))
G_loss.backward(retain_graph=True)
G_optimizer.step()  # updates G's weights in place

disc_loss = ce(D_disc, torch.max(y_disc, 1)[1])
cont_loss = mse(D_cont, y_cont)
info_loss = disc_loss + cont_loss
info_loss.backward()
info_optimizer.step()
