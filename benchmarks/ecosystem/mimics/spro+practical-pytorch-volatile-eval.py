# report: https://github.com/spro/practical-pytorch/blob/c520c52e68e945d88fff563dba1c028b6ec0197b/seq2seq-translation/seq2seq-translation-batched.ipynb
# family: removed-api
# expect: 15
# runtime: asserts volatile=True is ignored: the decoder output still carries a graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
emb = nn.Embedding(5, 3)
out = nn.Linear(3, 5)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    inp = Variable(torch.LongTensor([1, 2]), volatile=True)
logits = out(emb(inp))
assert any("volatile" in str(w.message) for w in caught)
assert logits.requires_grad and logits.grad_fn is not None  # inference still records the graph
