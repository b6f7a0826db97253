# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter07/LanguageModeling/LanguageModeling%20using%20torchtext.ipynb
# family: removed-api
# expect: 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(10, 4)
rnn = nn.LSTM(4, 4)
dec = nn.Linear(4, 10)
params = list(emb.parameters()) + list(rnn.parameters()) + list(dec.parameters())
criterion = nn.CrossEntropyLoss()
lr = 20
total_loss = 0
log_interval = 2
for i in range(3):
    data, targets = torch.randint(0, 10, (5, 2)), torch.randint(0, 10, (10,))
    for p in params:
        p.grad = None
    output, _ = rnn(emb(data))
    loss = criterion(dec(output).view(-1, 10), targets)
    loss.backward()
    for p in params:
        p.data.add_(p.grad.data, alpha=-lr)
    total_loss += loss.data
    if i % log_interval == 0 and i > 0:
        cur_loss = total_loss[0] / log_interval
        total_loss = 0
