# report: https://github.com/jayleicn/animeGAN/blob/b908d403068de8a95ca271d379e1a07a0f47e62a/main.py#L193
# family: removed-api
# expect: 24
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn

torch.manual_seed(0)
nz = 4
fcs = nn.Sequential(nn.Linear(nz, 16), nn.ReLU())
decode_fcs = nn.Linear(16, nz)
convs = nn.Sequential(nn.Linear(16, 12), nn.Tanh())
netD = nn.Sequential(nn.Linear(12, 1), nn.Sigmoid())
g_params = list(fcs.parameters()) + list(decode_fcs.parameters()) + list(convs.parameters())
optimizerG = torch.optim.Adam(g_params, lr=2e-4, betas=(0.5, 0.999))
criterion, criterion_MSE = nn.BCELoss(), nn.MSELoss()

noise = torch.randn(5, nz)
h = fcs(noise)
fake, z_prediction = convs(h), decode_fcs(h)
optimizerG.zero_grad()
output = netD(fake)
errG = criterion(output, torch.ones_like(output))
errG.backward(retain_variables=True)  # the z-predictor loss reuses the fcs graph
errG_z = criterion_MSE(z_prediction, noise)
errG_z.backward()
optimizerG.step()
