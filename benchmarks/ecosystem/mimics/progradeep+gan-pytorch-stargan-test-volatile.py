# report: https://github.com/progradeep/gan-pytorch/blob/178bdb0c4e0e4227a66854a1466ce5897a2042bb/StarGAN/trainer.py#L227
# family: removed-api
# expect: 24
# runtime: asserts volatile=True is ignored: test-time generator outputs record a graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(5, 8), nn.Tanh())
G.eval()


def to_var(x, volatile=False):
    return Variable(x, volatile=volatile)


loader = [(torch.rand(2, 3), torch.rand(2, 2)) for _ in range(2)]
kept = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for real_x, c in loader:
        real_x = to_var(real_x, volatile=True)
        fake = G(torch.cat([real_x, c], 1))
        kept.append(fake.grad_fn is not None and fake.requires_grad)
assert any("volatile" in str(w.message) for w in caught)
assert all(kept)
