# report: https://github.com/GokuMohandas/oreilly-pytorch/blob/a9ac5625361cb434cfa45fb5269fa152015a296f/code/lesson2/lesson2.ipynb
# family: removed-api
# expect: 20
# runtime: asserts Variable(..., volatile=True) is ignored: the evaluation batch records the autograd graph through the CNN
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(1234)
model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 4 * 4, 10))
criterion = nn.CrossEntropyLoss()


def process_batch(inputs, targets, model, is_training):
    if is_training:
        X_batch = Variable(inputs, requires_grad=False)
    else:
        X_batch = Variable(inputs, volatile=True, requires_grad=False)
    y_batch = Variable(targets.long(), requires_grad=False)
    scores = model(X_batch)
    loss = criterion(scores, y_batch)
    return loss


model.eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = process_batch(torch.randn(4, 1, 6, 6), torch.randint(0, 10, (4,)), model, model.training)
assert any("volatile" in str(w.message) for w in caught)
assert loss.requires_grad and loss.grad_fn is not None
