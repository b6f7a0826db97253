# report: https://github.com/mcleonard/pytorch-charRNN/blob/80458b8fa34489b09141512c4c1fa3d325be2e44/model.py#L209
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
n_chars, n_hidden, n_seqs, n_steps = 6, 8, 2, 4
lstm = nn.LSTM(n_chars, n_hidden, 1, batch_first=True)
fc = nn.Linear(n_hidden, n_chars)
params = list(lstm.parameters()) + list(fc.parameters())
opt = torch.optim.Adam(params, lr=1e-3)
criterion = nn.CrossEntropyLoss()
h = (torch.zeros(1, n_seqs, n_hidden), torch.zeros(1, n_seqs, n_hidden))

x = torch.eye(n_chars)[torch.randint(0, n_chars, (n_seqs, n_steps))]
y = torch.randint(0, n_chars, (n_seqs, n_steps))
h = tuple(each.data for each in h)
opt.zero_grad()
out, h = lstm(x, h)
loss = criterion(fc(out.reshape(n_seqs * n_steps, n_hidden)), y.view(n_seqs * n_steps))
loss.backward()
opt.step()

print("Loss: {:.4f}...".format(loss.data[0]))
