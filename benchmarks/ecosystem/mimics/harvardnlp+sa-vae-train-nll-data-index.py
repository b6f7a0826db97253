# report: https://github.com/harvardnlp/sa-vae/blob/e5187a2116a22ef00a8a806c9685f02f05bf2374/train_text.py#L187
# family: removed-api
# expect: 37
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab, emb, hid, lat = 11, 6, 8, 3
enc_emb = nn.Embedding(vocab, emb)
enc_rnn = nn.LSTM(emb, hid, batch_first=True)
to_mean = nn.Linear(hid, lat)
to_logvar = nn.Linear(hid, lat)
dec_emb = nn.Embedding(vocab, emb)
dec_rnn = nn.LSTM(emb + lat, hid, batch_first=True)
dec_out = nn.Sequential(nn.Linear(hid, vocab), nn.LogSoftmax(dim=-1))
params = [p for m in (enc_emb, enc_rnn, to_mean, to_logvar, dec_emb, dec_rnn, dec_out) for p in m.parameters()]
optimizer = torch.optim.SGD(params, lr=1.0)
criterion = nn.NLLLoss()

sents = torch.randint(0, vocab, (4, 7))
batch_size, length = 4, 6
optimizer.zero_grad()
h, _ = enc_rnn(enc_emb(sents))
mean, logvar = to_mean(h[:, -1]), to_logvar(h[:, -1])
z = torch.randn_like(mean) * logvar.mul(0.5).exp() + mean
words = dec_emb(sents[:, :-1])
dec_in = torch.cat([words, z.unsqueeze(1).expand(4, length, lat)], 2)
memory, _ = dec_rnn(dec_in)
preds = dec_out(memory)
nll_vae = sum([criterion(preds[:, l], sents[:, l + 1]) for l in range(length)])
kl_vae = (-0.5 * torch.sum(logvar - mean.pow(2) - logvar.exp() + 1, 1)).mean()
(nll_vae + kl_vae).backward()
optimizer.step()

train_nll_vae = 0.0
train_nll_vae += nll_vae.data[0] * batch_size
