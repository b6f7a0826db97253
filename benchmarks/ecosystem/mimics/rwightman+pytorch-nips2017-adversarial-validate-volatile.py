# report: https://github.com/rwightman/pytorch-nips2017-adversarial/blob/1727494ea3bfcbc3b4754b35096e816e1269ff38/python/train_adversarial_defense.py#L159
# family: removed-api
# expect: 22
# runtime: asserts volatile=True is ignored: every validation batch records the autograd graph through the defense model, which the code meant to skip
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                      nn.Linear(4, 10))
criterion = nn.CrossEntropyLoss()
val_loader = [(torch.rand(4, 3, 8, 8), torch.randint(0, 10, (4,))) for _ in range(2)]


def validate(val_loader, model, criterion):
    model.eval()
    recorded = []
    for input, target in val_loader:
        input_var = Variable(input, volatile=True)
        target_var = Variable(target, volatile=True)
        output = model(input_var)
        loss = criterion(output, target_var)
        recorded.append(loss.grad_fn is not None)
    return recorded


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    recorded = validate(val_loader, model, criterion)
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)  # a graph (and its saved activations) is built for every eval batch
