# report: https://github.com/SumFunction/VAE-ACGAN/blob/360197b251a05520478368ad10bc86318fb9ea1f/eval.py#L22
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: evaluation outputs carry a graph through the classifier
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(16, 2))
model.eval()
pool = [(torch.rand(4, 8), torch.randint(0, 2, (4,))) for _ in range(2)]
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for data, target in pool:
        data, target = Variable(data, volatile=True), Variable(target)
        output = model(data)
        softmaxed = F.softmax(output, dim=1)
        graphs.append(output.requires_grad and softmaxed.grad_fn is not None)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
