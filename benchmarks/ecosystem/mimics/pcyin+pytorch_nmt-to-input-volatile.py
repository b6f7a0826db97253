# report: https://github.com/pcyin/pytorch_nmt/blob/bf28dae8a4c71e1f3f3fcb51e989fab905886f44/nmt.py#L479
# family: removed-api
# expect: 21
# runtime: asserts Variable(..., volatile=is_test) no longer disables autograd: evaluation/decoding keeps the whole unrolled decoder graph alive across time steps
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
vocab, emb, hid = 9, 5, 6
src_embed = nn.Embedding(vocab, emb)
encoder = nn.LSTM(emb, hid)
decoder = nn.LSTMCell(emb, hid)
readout = nn.Linear(hid, vocab, bias=False)
for m in (src_embed, encoder, decoder, readout):
    m.eval()

sents_var = Variable(torch.LongTensor([[1, 2], [3, 4], [5, 6]]), volatile=True, requires_grad=False)
_, (h, c) = encoder(src_embed(sents_var))
hidden = (h[0], c[0])
y = torch.zeros(2, emb)
for t in range(4):
    hidden = decoder(y, hidden)
    score = readout(hidden[0])

assert score.requires_grad and score.grad_fn is not None
assert hidden[1].grad_fn is not None
