# report: https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Sequence-Labeling/blob/ee3f34b45a6e24dd748a144bfc25b1adf9e1f077/train.py#L215
# family: removed-api
# expect: 21 22
# runtime: raises ValueError: too many values to unpack
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)
vocab = 7
lm_out = nn.Linear(5, vocab)
optimizer = torch.optim.SGD(lm_out.parameters(), lr=0.015, momentum=0.9)
criterion = nn.CrossEntropyLoss()
features = torch.randn(3, 4, 5)
wmaps_sorted = torch.randint(0, vocab, (3, 5))
lm_lengths = [3, 2, 1]

lm_f_scores = lm_out(features)
lm_f_targets = wmaps_sorted[:, 1:]
# written for 0.4, when PackedSequence was a 2-tuple (data, batch_sizes)
lm_f_scores, _ = pack_padded_sequence(lm_f_scores, lm_lengths, batch_first=True)
lm_f_targets, _ = pack_padded_sequence(lm_f_targets, lm_lengths, batch_first=True)
loss = criterion(lm_f_scores, lm_f_targets)
optimizer.zero_grad()
loss.backward()
optimizer.step()
