# report: https://github.com/lucabergamini/VAEGAN-PYTORCH/blob/fa75275d743ef27075aaf198cf4abff5ffbba540/main.py#L197
# family: gan-step
# expect: 32 35
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Linear(6, 4)
decoder = nn.Sequential(nn.Linear(2, 6), nn.Tanh())
disc = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
opt_enc = torch.optim.RMSprop(encoder.parameters(), lr=3e-4)
opt_dec = torch.optim.RMSprop(decoder.parameters(), lr=3e-4)
opt_dis = torch.optim.RMSprop(disc.parameters(), lr=3e-4)

x = torch.rand(4, 6) * 2 - 1
h = encoder(x)
mu, logvar = h[:, :2], h[:, 2:]
z = torch.randn(4, 2) * torch.exp(0.5 * logvar) + mu
recon = decoder(z)
feat_layer = disc[0]
mse = 0.5 * (feat_layer(recon) - feat_layer(x)).pow(2).sum(1)
kl = -0.5 * torch.sum(-logvar.exp() - mu.pow(2) + logvar + 1, 1)
bce_dis = -torch.log(disc(x) + 1e-3) - torch.log(1 - disc(recon) + 1e-3)
loss_encoder = kl.sum() + mse.sum()
loss_discriminator = bce_dis.sum()
loss_decoder = 1e-6 * mse.sum() - (1.0 - 1e-6) * loss_discriminator

for m in (encoder, decoder, disc):
    m.zero_grad()
loss_encoder.backward(retain_graph=True)
opt_enc.step()  # encoder weights change in place; the decoder loss's graph saved them
for m in (encoder, decoder, disc):
    m.zero_grad()
loss_decoder.backward(retain_graph=True)
opt_dec.step()
disc.zero_grad()
loss_discriminator.backward()
opt_dis.step()
