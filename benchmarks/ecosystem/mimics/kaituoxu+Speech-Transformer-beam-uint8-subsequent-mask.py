# report: https://github.com/kaituoxu/Speech-Transformer/blob/43d83eab2e4e25a4250ddff702aa0a2d4dffe4e6/src/transformer/decoder.py#L161
# family: removed-api
# expect: 38
# runtime: raises RuntimeError: masked_fill_ only supports boolean masks
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
d_model, vocab = 8, 10
emb = nn.Embedding(vocab, d_model)
w_q, w_k, w_v = nn.Linear(d_model, d_model), nn.Linear(d_model, d_model), nn.Linear(d_model, d_model)
prj = nn.Linear(d_model, vocab, bias=False)


def subsequent_mask(seq):
    sz_b, len_s = seq.size()
    m = torch.triu(torch.ones((len_s, len_s), dtype=torch.uint8), diagonal=1)
    return m.unsqueeze(0).expand(sz_b, -1, -1)


def decode_step(ys, mask):
    x = emb(ys)
    attn = torch.bmm(w_q(x), w_k(x).transpose(1, 2)) / np.sqrt(d_model)
    attn = attn.masked_fill(mask, -np.inf)
    return prj(torch.bmm(F.softmax(attn, dim=2), w_v(x))[:, -1])


# training builds the self-attention mask as (keypad + subseq).gt(0): bool, fine
ys_in = torch.randint(0, vocab, (2, 4))
train_mask = (ys_in.eq(0).unsqueeze(1).expand(-1, 4, -1) + subsequent_mask(ys_in)).gt(0)
decode_step(ys_in, train_mask).sum().backward()

# beam search passes the raw uint8 subsequent mask
with torch.no_grad():
    ys = torch.ones(1, 1, dtype=torch.long)
    slf_attn_mask = subsequent_mask(ys)
    scores = F.log_softmax(decode_step(ys, slf_attn_mask), dim=1)
