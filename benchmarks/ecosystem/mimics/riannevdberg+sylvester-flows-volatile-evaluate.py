# report: https://github.com/riannevdberg/sylvester-flows/blob/32dde9b7d696fee94f946a338182e542779eecfe/optimization/training.py#L88
# family: removed-api
# expect: 25
# runtime: asserts volatile=True is ignored: the per-batch validation loss carries an autograd graph
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
enc = nn.Sequential(nn.Linear(12, 8), nn.Softplus(), nn.Linear(8, 4))
dec = nn.Sequential(nn.Linear(2, 8), nn.Softplus(), nn.Linear(8, 12), nn.Sigmoid())
loader = [(torch.rand(5, 12).bernoulli(), None) for _ in range(3)]


def evaluate(loader):
    enc.eval()
    dec.eval()
    loss, graphs = 0.0, []
    for data, _ in loader:
        data = Variable(data, volatile=True)  # meant to switch autograd off
        h = enc(data)
        mu, logvar = h[:, :2], h[:, 2:]
        z = mu + torch.randn_like(mu) * (0.5 * logvar).exp()
        batch_loss = F.binary_cross_entropy(dec(z), data, reduction='sum') / data.size(0)
        graphs.append(batch_loss.grad_fn is not None)
        loss += batch_loss.item()
    return loss / len(loader), graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v_loss, graphs = evaluate(loader)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
print("validation built graphs:", graphs)
