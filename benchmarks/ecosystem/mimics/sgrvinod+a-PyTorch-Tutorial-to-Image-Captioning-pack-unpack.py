# report: https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Image-Captioning/blob/cc9c7e2f4017938d414178d3781fed8dbe442852/train.py#L179
# family: removed-api
# expect: 27 28
# runtime: raises ValueError: too many values to unpack
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
vocab = 6
cell = nn.LSTMCell(4, 5)
fc = nn.Linear(5, vocab)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(list(cell.parameters()) + list(fc.parameters()), lr=1e-3)

caps_sorted = torch.randint(0, vocab, (2, 4))
decode_lengths = [3, 2]
predictions = torch.zeros(2, max(decode_lengths), vocab)
h = c = torch.zeros(2, 5)
for t in range(max(decode_lengths)):
    bt = sum([l > t for l in decode_lengths])
    h, c = cell(torch.randn(bt, 4), (h[:bt], c[:bt]))
    predictions[:bt, t, :] = fc(h)

targets = caps_sorted[:, 1:]
# a PackedSequence has four fields since 1.1 (sorted_indices, unsorted_indices)
scores, _ = pack_padded_sequence(predictions, decode_lengths, batch_first=True)
targets, _ = pack_padded_sequence(targets, decode_lengths, batch_first=True)
loss = criterion(scores, targets)
optimizer.zero_grad()
loss.backward()
optimizer.step()
