# report: https://github.com/soobinseo/Tacotron-pytorch/blob/84dbb464da9e1c9ade413ce4129d2b70caa073bc/train.py#L108
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
num_mels, num_freq, T = 8, 20, 6
decoder = nn.Sequential(nn.Conv1d(num_mels, num_mels, 1), nn.Tanh())
postnet = nn.Sequential(nn.Conv1d(num_mels, num_freq, 1))
params = list(decoder.parameters()) + list(postnet.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
criterion = nn.L1Loss()
n_priority_freq = 5

mel_input = torch.randn(2, num_mels, T)
mel_spectrogram = torch.randn(2, num_mels, T)
linear_spectrogram = torch.randn(2, num_freq, T)
optimizer.zero_grad()
mel_output = decoder(mel_input)
linear_output = postnet(mel_output)
mel_loss = criterion(mel_output, mel_spectrogram)
linear_loss = torch.abs(linear_output - linear_spectrogram)
linear_loss = 0.5 * torch.mean(linear_loss) + 0.5 * torch.mean(linear_loss[:, :n_priority_freq, :])
loss = mel_loss + linear_loss
loss.backward()
nn.utils.clip_grad_norm_(params, 1.0)
optimizer.step()
print("linear loss: %.4f" % linear_loss.data[0])
print("mel loss: %.4f" % mel_loss.data[0])
