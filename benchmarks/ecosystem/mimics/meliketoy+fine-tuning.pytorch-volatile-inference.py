# report: https://github.com/meliketoy/fine-tuning.pytorch/blob/91b45bbf1287a33603c344d64c06b6b1bf8f226e/inference.py#L123
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: each scored image records the classifier's graph
import warnings
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 2))
model.eval()
images = [torch.rand(3, 8, 8) for _ in range(2)]
recorded, scores = [], []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for image in images:
        inputs = image
        # meant to score without building a graph
        inputs = Variable(inputs, volatile=True)
        inputs = inputs.view(1, inputs.size(0), inputs.size(1), inputs.size(2))
        outputs = model(inputs)
        logits = outputs.data.cpu().numpy()[0]
        scores.append(np.exp(logits[1]) / np.sum(np.exp(logits)))
        recorded.append(outputs.grad_fn is not None)
assert any("volatile" in str(w.message) for w in caught)
assert all(recorded)
