# report: https://github.com/andreasveit/densenet-pytorch/blob/63152f4a40644b62717749536ed2e011c6e4d9ab/train.py#L205
# family: removed-api
# expect: 21
# runtime: asserts volatile=True is ignored: validation forward passes record an autograd graph
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.ReLU(inplace=True),
                    nn.Dropout(0.2), nn.Linear(16, 4))
criterion = nn.CrossEntropyLoss()
loader = [(torch.randn(5, 8), torch.randint(0, 4, (5,))) for _ in range(2)]


def validate(loader):
    net.eval()
    tracked = []
    for inp, tgt in loader:
        input_var = Variable(inp, volatile=True)  # meant: no graph
        target_var = Variable(tgt, volatile=True)
        out = net(input_var)
        loss = criterion(out, target_var)
        tracked.append(loss.requires_grad and loss.grad_fn is not None)
    return tracked


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tracked = validate(loader)
assert any("volatile" in str(w.message) for w in caught)
assert all(tracked), "graph is built despite volatile=True"
print("volatile ignored; validation built", len(tracked), "graphs")
