# report: https://github.com/AlexiaJM/Deep-learning-with-cats/blob/f895e5af0ecf77a1e9db2a999d70c5655af6d3bd/Generating%20cats/DCGAN.py#L338
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch

D = torch.nn.Sequential(torch.nn.Conv2d(3, 1, 4, 1, 0, bias=False), torch.nn.Sigmoid())
G = torch.nn.Sequential(torch.nn.ConvTranspose2d(8, 3, 4, 1, 0, bias=False), torch.nn.Tanh())
criterion = torch.nn.BCELoss()
optimizerD = torch.optim.Adam(D.parameters(), lr=2e-4)
optimizerG = torch.optim.Adam(G.parameters(), lr=2e-4)
x = torch.rand(4, 3, 4, 4)
D.zero_grad()
errD_real = criterion(D(x).view(-1), torch.ones(4))
errD_real.backward()
x_fake = G(torch.randn(4, 8, 1, 1))
errD_fake = criterion(D(x_fake.detach()).view(-1), torch.zeros(4))
errD_fake.backward()
errD = errD_real + errD_fake
optimizerD.step()
G.zero_grad()
errG = criterion(D(x_fake).view(-1), torch.ones(4))
errG.backward(retain_graph=True)
optimizerG.step()
current_step = 0
logged = ('errD', errD.data[0], current_step)
