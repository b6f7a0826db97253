# report: https://github.com/jmtomczak/vae_vampprior/blob/bb6ff3e58036adbea448e82d7bc55593d605b52c/utils/evaluation.py#L28
# family: removed-api
# expect: 18
# runtime: asserts Variable(data, volatile=True) is ignored (warns): every validation batch's loss records the autograd graph through the VAE
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.Tanh(), nn.Linear(4, 6), nn.Sigmoid())
data_loader = [(torch.bernoulli(torch.full((3, 6), 0.5)), torch.zeros(3)) for _ in range(2)]
model.eval()
evaluate_loss, graphs = 0., []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for batch_idx, (data, target) in enumerate(data_loader):
        data, target = Variable(data, volatile=True), Variable(target)
        x = data
        loss = nn.functional.binary_cross_entropy(model(x), x)
        graphs.append(loss.grad_fn is not None)
        evaluate_loss += loss.item()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
