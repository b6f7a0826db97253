# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: removed-api
# expect: 16
# runtime: warns volatile was removed
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
encoder = nn.GRU(4, 6)
emb = nn.Embedding(10, 4)
src = torch.randint(0, 10, (3, 2))
# evaluation inputs marked volatile, as in 0.3: nothing turns the graph off any more
src_v = Variable(src, volatile=True)
out, hidden = encoder(emb(src_v))
assert out.requires_grad and out.grad_fn is not None  # the eval forward records a graph
