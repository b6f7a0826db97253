# report: https://github.com/mila-udem/welcome_tutorials/blob/2c2f46214d3e8be95ebdf1423072145ef53056af/pytorch/5.%20Neural%20Machine%20Translation.ipynb
# family: removed-api
# expect: 19,20
# runtime: asserts Variable(..., volatile=True) is ignored: the dev/test passes record the autograd graph through the whole model
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
emb = nn.Embedding(12, 6, padding_idx=0)
decoder = nn.GRU(6, 8, batch_first=True)
proj = nn.Linear(8, 12)


def get_minibatch(volatile=False):
    src = torch.randint(1, 12, (3, 5))
    trg = torch.randint(1, 12, (3, 5))
    input_lines_trg = Variable(src, volatile=volatile)
    output_lines_trg = Variable(trg, volatile=volatile)
    return input_lines_trg, output_lines_trg


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    inp, out = get_minibatch(volatile=True)
    h, _ = decoder(emb(inp))
    dev_loss = nn.functional.cross_entropy(proj(h).reshape(-1, 12), out.reshape(-1))
assert any("volatile" in str(w.message) for w in caught)
assert dev_loss.requires_grad and dev_loss.grad_fn is not None
