# report: https://github.com/nashory/pggan-pytorch/blob/070cc23c7f1ba57122d0140cbe129f13f8021c1d/trainer.py#L301
# family: removed-api
# expect: 30 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 6), nn.LeakyReLU(0.2))
D = nn.Sequential(nn.Linear(6, 1))
mse = nn.MSELoss()
opt_g = torch.optim.Adam(G.parameters(), lr=1e-3, betas=(0.0, 0.99))
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.0, 0.99))
real_label, fake_label = torch.ones(5), torch.zeros(5)
x, z = torch.randn(5, 6), torch.randn(5, 4)

G.zero_grad(); D.zero_grad()
x_tilde = G(z)
fx, fx_tilde = D(x), D(x_tilde.detach())
loss_d = mse(fx.squeeze(), real_label) + mse(fx_tilde.squeeze(), fake_label)
loss_d.backward()
opt_d.step()
loss_g = mse(D(x_tilde).squeeze(), real_label.detach())
loss_g.backward()
opt_g.step()
log_msg = 'errD: {0:.4f} | errG: {1:.4f}'.format(loss_d.item(), loss_g.item())
scalars = {}
with torch.no_grad():
    x_test = G(torch.randn(5, 4))
scalars['data/loss_g'] = loss_g[0].item()
scalars['data/loss_d'] = loss_d[0].item()
