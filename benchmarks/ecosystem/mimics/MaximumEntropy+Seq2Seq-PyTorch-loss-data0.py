# report: https://github.com/MaximumEntropy/Seq2Seq-PyTorch/blob/76ea5b66fdf86e86e81de12eb96c161d9c04126b/nmt.py#L188
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
vocab = 7
emb = nn.Embedding(vocab, 4)
lstm = nn.LSTM(4, 5, batch_first=True)
out = nn.Linear(5, vocab)
weight_mask = torch.ones(vocab)
weight_mask[0] = 0  # <pad>
loss_criterion = nn.CrossEntropyLoss(weight=weight_mask)
optimizer = torch.optim.Adam(list(emb.parameters()) + list(lstm.parameters()) + list(out.parameters()), lr=1e-3)

losses = []
src = Variable(torch.randint(1, vocab, (2, 3)))
trg = Variable(torch.randint(0, vocab, (2, 3)))
h, _ = lstm(emb(src))
decoder_logit = out(h)
optimizer.zero_grad()
loss = loss_criterion(decoder_logit.contiguous().view(-1, vocab), trg.view(-1))
losses.append(loss.data[0])
loss.backward()
optimizer.step()
