# report: https://github.com/r9y9/tacotron_pytorch/blob/62db7217c10da3edb34f67b185cc0e2b04cdf77e/train.py#L265
# family: removed-api
# expect: 24 25 26 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(6, 6)
optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
criterion = nn.L1Loss()
x, mel, y = torch.randn(2, 3, 6), torch.randn(2, 3, 6), torch.randn(2, 3, 6)
running_loss = 0.0

optimizer.zero_grad()
mel_outputs = model(x)
linear_outputs = mel_outputs * 2
mel_loss = criterion(mel_outputs, mel)
linear_loss = 0.5 * criterion(linear_outputs, y) + 0.5 * criterion(linear_outputs[:, :, :3], y[:, :, :3])
loss = mel_loss + linear_loss
loss.backward()
grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
optimizer.step()
logged = [float(loss.data[0])]
logged.append(float(mel_loss.data[0]))
logged.append(float(linear_loss.data[0]))
running_loss += loss.data[0]
