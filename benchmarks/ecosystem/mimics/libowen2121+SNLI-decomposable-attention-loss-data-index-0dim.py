# report: https://github.com/libowen2121/SNLI-decomposable-attention/blob/5ac3eacf7862ffebe480b3dd1d2dd29671c8a18f/train_baseline_snli.py#L179
# family: removed-api
# expect: 34
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
hidden = 8
embed = nn.Embedding(30, hidden)
embed.weight.requires_grad = False
encoder = nn.Linear(hidden, hidden, bias=False)
head = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.ReLU(), nn.Linear(hidden, 3), nn.LogSoftmax(dim=1))
input_optimizer = torch.optim.Adagrad(encoder.parameters(), lr=0.05)
atten_optimizer = torch.optim.Adagrad(head.parameters(), lr=0.05)
criterion = nn.NLLLoss()

src = torch.randint(0, 30, (4, 5))
tgt = torch.randint(0, 30, (4, 6))
lbl = torch.randint(0, 3, (4,))
loss_data = 0.0
input_optimizer.zero_grad()
atten_optimizer.zero_grad()
s1, s2 = encoder(embed(src)), encoder(embed(tgt))
att = torch.softmax(torch.bmm(s1, s2.transpose(1, 2)), dim=2)
combined = torch.cat((s1, torch.bmm(att, s2)), 2).sum(1)
log_prob = head(torch.cat((combined[:, :hidden], combined[:, hidden:]), 1))
loss = criterion(log_prob, lbl)
loss.backward()
input_optimizer.step()
atten_optimizer.step()
_, predict = log_prob.data.max(dim=1)
correct = torch.sum(predict == lbl)
loss_data += loss.data[0] * src.size(0)
