# report: https://github.com/Time1ess/PyTorch-DQN/blob/ab69359568e43b563088e4a110143cb5266b6259/model.py#L174
# family: removed-api
# expect: 19
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
dqn = nn.Linear(8, 4)
criterion = nn.SmoothL1Loss()
optimizer = torch.optim.RMSprop(dqn.parameters(), lr=1e-3)
prediction = dqn(torch.randn(6, 8)).gather(1, torch.randint(0, 4, (6, 1)))
loss = criterion(prediction, torch.randn(6, 1))
optimizer.zero_grad()
loss.backward()
optimizer.step()
q = prediction.data.cpu().mean()
# the update returns (mean Q, loss value, updated)
result = (q, loss.data.cpu()[0], True)
