# report: https://github.com/pcyin/pytorch_nmt/blob/bf28dae8a4c71e1f3f3fcb51e989fab905886f44/nmt.py#L571
# family: removed-api
# expect: 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab, emb, hid = 9, 5, 6
src_embed = nn.Embedding(vocab, emb)
tgt_embed = nn.Embedding(vocab, emb)
encoder = nn.LSTM(emb, hid)
decoder = nn.LSTMCell(emb, hid)
readout = nn.Linear(hid, vocab, bias=False)
params = [p for m in (src_embed, tgt_embed, encoder, decoder, readout) for p in m.parameters()]
optimizer = torch.optim.Adam(params, lr=1e-3)
mask = torch.ones(vocab); mask[0] = 0
cross_entropy_loss = nn.CrossEntropyLoss(weight=mask, reduction="sum")

src = torch.randint(1, vocab, (5, 3))
tgt = torch.randint(1, vocab, (4, 3))
optimizer.zero_grad()
_, (h, c) = encoder(src_embed(src))
hidden = (h[0], c[0])
scores = []
for y in tgt_embed(tgt[:-1]).split(1):
    hidden = decoder(y.squeeze(0), hidden)
    scores.append(readout(hidden[0]))
scores = torch.stack(scores)
word_loss = cross_entropy_loss(scores.view(-1, vocab), tgt[1:].reshape(-1))
loss = word_loss / 3
word_loss_val = word_loss.data[0]
loss.backward()
optimizer.step()
