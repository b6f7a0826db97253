# report: https://github.com/sunshineatnoon/Paper-Implementations/blob/8e2f7896739a1af87d46574fbb162acf2df5433c/BEGAN/began.py#L136
# family: removed-api
# expect: 26 28 29
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
netD = nn.Sequential(nn.Linear(4, 2), nn.ELU(), nn.Linear(2, 4))  # an autoencoder critic
netG = nn.Sequential(nn.Linear(3, 4), nn.Tanh())
optD = torch.optim.Adam(netD.parameters())
optG = torch.optim.Adam(netG.parameters())
k, gamma, lambda_k = 0.0, 0.5, 0.001
real = torch.randn(5, 4)

netD.zero_grad()
fake = netG(torch.rand(5, 3) * 2 - 1)
err_real = torch.mean(torch.abs(netD(real) - real))
err_fake = torch.mean(torch.abs(netD(fake.detach()) - fake.detach()))
(err_real - k * err_fake).backward()
optD.step()
netG.zero_grad()
errG = torch.mean(torch.abs(netD(fake) - fake))
errG.backward()
optG.step()
balance = (gamma * err_real - err_fake).data[0]
k = min(max(k + lambda_k * balance, 0), 1)
measure = err_real.data[0] + abs(balance)
print(errG.data[0], measure, k)
