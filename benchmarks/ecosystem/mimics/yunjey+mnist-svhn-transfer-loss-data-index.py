# report: https://github.com/yunjey/mnist-svhn-transfer/blob/062a7152e38746d04e0df4f80a9fb01a2ae7c0f2/solver.py#L198
# family: removed-api
# expect: 31 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
g12, d2 = nn.Sequential(nn.Linear(4, 6), nn.Tanh()), nn.Linear(6, 1)
g_optimizer = torch.optim.Adam(g12.parameters(), 2e-4, [0.5, 0.999])
d_optimizer = torch.optim.Adam(d2.parameters(), 2e-4, [0.5, 0.999])
mnist, svhn = torch.randn(5, 4), torch.randn(5, 6)

g_optimizer.zero_grad()
d_optimizer.zero_grad()
d_real_loss = torch.mean((d2(svhn).squeeze() - 1) ** 2)
d_real_loss.backward()
d_optimizer.step()

g_optimizer.zero_grad()
d_optimizer.zero_grad()
d_fake_loss = torch.mean(d2(g12(mnist)).squeeze() ** 2)
d_fake_loss.backward()
d_optimizer.step()

g_optimizer.zero_grad()
d_optimizer.zero_grad()
g_loss = torch.mean((d2(g12(mnist)).squeeze() - 1) ** 2)
g_loss.backward()
g_optimizer.step()
print('d_real_loss: %.4f, d_fake_loss: %.4f, g_loss: %.4f'
      % (d_real_loss.data[0], d_fake_loss.data[0], g_loss.data[0]))
