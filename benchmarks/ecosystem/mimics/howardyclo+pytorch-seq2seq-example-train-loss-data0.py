# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: removed-api
# expect: 31
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
emb = nn.Embedding(10, 4)
dec = nn.Linear(4, 10)
opt = torch.optim.Adam(list(emb.parameters()) + list(dec.parameters()), lr=1e-3)


def masked_xent(logits, target, mask):
    logp = F.log_softmax(logits.view(-1, logits.size(-1)), dim=1)
    losses = -torch.gather(logp, 1, target.view(-1, 1)).view(*target.size())
    return (losses * mask.float()).sum() / mask.float().sum()


def train_step(src, tgt, lens):
    opt.zero_grad()
    logits = dec(emb(Variable(src)))
    mask = torch.arange(tgt.size(1)).unsqueeze(0) < torch.tensor(lens).unsqueeze(1)
    loss = masked_xent(logits, Variable(tgt), mask)
    loss.backward()
    nn.utils.clip_grad_norm_(emb.parameters(), 2.0)
    opt.step()
    # the loss is a 0-dim tensor: indexing it was the 0.3 way to get a float
    return loss.data[0]


src = torch.randint(0, 10, (2, 3))
tgt = torch.randint(0, 10, (2, 3))
print(train_step(src, tgt, [3, 2]))
