# report: https://github.com/hunkim/PyTorchZeroToAll/blob/e5a260fac0b4ff1e2ec434fc6f0d962ac97fc289/14_1_seq2seq.py#L53
# family: removed-api
# expect: 24
# runtime: raises ValueError: Expected input batch_size (1) to match target batch_size (0)
import torch
import torch.nn as nn

torch.manual_seed(0)
N_CHARS, HIDDEN = 12, 6
emb = nn.Embedding(N_CHARS, HIDDEN)
gru = nn.GRU(HIDDEN, HIDDEN)
out_layer = nn.Linear(HIDDEN, N_CHARS)
criterion = nn.CrossEntropyLoss()
target_var = torch.LongTensor([3, 5, 7, 1])
hidden = torch.zeros(1, 1, HIDDEN)
loss = 0
for c in range(len(target_var)):
    token = target_var[c - 1] if c else torch.LongTensor([0])
    output = emb(token).view(1, 1, -1)
    output, hidden = gru(output, hidden)
    output = out_layer(output[0])  # (1, N_CHARS)
    # indexing a 1-D LongTensor gives a 0-dim target since torch 0.4 (a 1-element
    # tensor before): CrossEntropyLoss sees a (1, C) input with an empty-batch target
    loss += criterion(output, target_var[c])
loss.backward()
