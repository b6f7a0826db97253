# report: https://github.com/srviest/char-cnn-text-classification-pytorch/blob/f269894ad40ef4d716b76b24db20379f102cae37/train.py#L181
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: every dev batch records the autograd graph through the CNN
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(5, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6, 3), nn.LogSoftmax(dim=1))
dev_loader = [(torch.randn(2, 5, 8), torch.tensor([1, 3])) for _ in range(2)]


def evaluate(data_loader, model):
    model.eval()
    graphs, accumulated_loss = [], 0
    for inputs, target in data_loader:
        target = target - 1
        inputs = Variable(inputs, volatile=True)
        target = Variable(target)
        logit = model(inputs)
        graphs.append(logit.grad_fn is not None)
        accumulated_loss += F.nll_loss(logit, target, reduction="sum").data
    model.train()
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = evaluate(dev_loader, model)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
