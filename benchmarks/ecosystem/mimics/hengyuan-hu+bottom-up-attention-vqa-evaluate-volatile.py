# report: https://github.com/hengyuan-hu/bottom-up-attention-vqa/blob/392520640e3d9aed0009ddfe207901757b10b9a6/train.py#L74
# family: removed-api
# expect: 19
# runtime: asserts volatile=True is ignored: every evaluation batch records the autograd graph through the model
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 4))
loader = [(torch.randn(3, 6), torch.rand(3, 4)) for _ in range(2)]


def evaluate(model, dataloader):
    score = 0
    graphs = []
    for v, a in dataloader:
        v = Variable(v, volatile=True)
        pred = model(v)
        graphs.append(pred.grad_fn is not None)
        idx = torch.max(pred, 1)[1].data
        one_hots = torch.zeros(*a.size()).scatter_(1, idx.view(-1, 1), 1)
        score += (one_hots * a).sum()
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = evaluate(model.train(False), loader)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
