# report: https://github.com/chenyuntc/PyTorchText/blob/dcadcba44af0c3731b82d9db1c77f2968d4feac0/main.py#L36
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: every validation batch records the autograd graph through the text model
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Linear(40, 6))
model.eval()
predictions = []
graphs = 0
for ii in range(3):
    content = torch.randint(0, 20, (4, 5))
    label = torch.zeros(4, 6).long()
    content, label = Variable(content, volatile=True), Variable(label, volatile=True)
    score = model(content)
    predictions.extend(score.data.topk(2, dim=1)[1].tolist())
    graphs += int(score.grad_fn is not None)

assert graphs == 3  # each batch built a graph; volatile no longer disables autograd
assert score.requires_grad
