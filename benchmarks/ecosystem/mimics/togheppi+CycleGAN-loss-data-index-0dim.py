# report: https://github.com/togheppi/CycleGAN/blob/d0dd298cc94f884c0b397fc32faf23261d50eb53/CycleGAN_train.py#L219
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

D_A = nn.Conv2d(3, 1, 4, 2, 1)
D_A_optimizer = torch.optim.Adam(D_A.parameters(), lr=2e-4)
MSE_loss = nn.MSELoss()
real_A = torch.randn(1, 3, 8, 8)
fake_A = torch.randn(1, 3, 8, 8)
D_A_real_decision = D_A(real_A)
D_A_real_loss = MSE_loss(D_A_real_decision, torch.ones(D_A_real_decision.size()))
D_A_fake_decision = D_A(fake_A)
D_A_fake_loss = MSE_loss(D_A_fake_decision, torch.zeros(D_A_fake_decision.size()))
D_A_loss = (D_A_real_loss + D_A_fake_loss) * 0.5
D_A_optimizer.zero_grad()
D_A_loss.backward()
D_A_optimizer.step()
D_A_losses = []
D_A_losses.append(D_A_loss.data[0])
